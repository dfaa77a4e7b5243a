package uk.org.lxp.supervision.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.SupervisionType;

/**
 * Session changes, keyed by session id, with the whole session: dates, status and attendance, never content. An
 * internal topic (staff references); dashboards get figures, not these.
 */
@ApplicationScoped
public class SessionEvents {

    public static final String TOPIC = "lxp.supervision.session.v1";
    public static final String SCHEDULED = "lxp.supervision.SessionScheduled";
    public static final String UNSCHEDULED = "lxp.supervision.SessionUnscheduled";
    public static final String RESCHEDULED = "lxp.supervision.SessionRescheduled";
    public static final String HELD = "lxp.supervision.SessionHeld";
    public static final String CANCELLED = "lxp.supervision.SessionCancelled";
    public static final String MISSED = "lxp.supervision.SessionMissed";
    public static final String WITHDRAWN = "lxp.supervision.SessionWithdrawn";

    private final Outbox outbox;

    SessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record SessionState(UUID id, UUID agreementId, String organisationCode, UUID supervisorId,
            String supervisorStaffReference, String superviseeStaffReference, SupervisionType type,
            LocalDateTime occurrence, Instant startsAt, Instant endsAt, SessionStatus status, String placementNote,
            Cancellation.By cancelledBy, Cancellation.Reason cancellationReason, Boolean attended, int sequence,
            int version) {

        static SessionState of(SupervisionSession s) {
            return new SessionState(s.id(), s.agreementId(), s.organisationCode(), s.supervisorId(),
                    s.supervisorStaffReference(), s.superviseeStaffReference(), s.type(), s.occurrence(), s.startsAt(),
                    s.endsAt(), s.status(), s.placementNote(), s.cancelledBy(), s.cancellationReason(), s.attended(),
                    s.sequence(), s.version());
        }
    }

    /** One event of its type for each session, in order. */
    public void record(String type, List<SupervisionSession> sessions) {
        outbox.recordAll(sessions.stream()
                .map(session -> new OutboxEvent("session", session.id().toString(), type, TOPIC, SessionState.of(session)))
                .toList());
    }
}
