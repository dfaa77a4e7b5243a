package uk.org.lxp.payequity;

/** How a post is paid. */
public enum PayBasis {
    /** On an Agenda for Change band and pay point. */
    SALARIED,
    /** By the day (session). */
    SESSIONAL,
    /** By the hour. */
    HOURLY,
    /** Not paid; expenses at most. */
    UNPAID
}
