package uk.org.lxp.supervision;

/** Where a session stands. HELD, CANCELLED and MISSED are final; UNSCHEDULED found no time in its week. */
public enum SessionStatus {
    SCHEDULED, HELD, CANCELLED, MISSED, UNSCHEDULED;

    public boolean isFinal() {
        return this == HELD || this == CANCELLED || this == MISSED;
    }
}
