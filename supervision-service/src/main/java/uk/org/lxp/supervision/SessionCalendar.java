package uk.org.lxp.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A person's sessions as an RFC 5545 calendar. Each session is one event whose UID never changes and whose SEQUENCE
 * rises with every change, so a moved or cancelled session updates in place in the subscriber's calendar. An event
 * says only when and which kind of supervision: never who the other person is, nor anything about them.
 */
public final class SessionCalendar {

    static final String PRODUCT = "-//LXP Workforce Suite//supervision-service//EN";
    static final String UID_DOMAIN = "@supervision.lxp-workforce-suite";

    private SessionCalendar() {
    }

    /** The calendar of these sessions (unscheduled ones have no time and are left out), stamped {@code now}. */
    public static Calendar of(List<SupervisionSession> sessions, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", "Supervision"));
        for (SupervisionSession session : sessions) {
            if (session.startsAt() != null) {
                calendar.add(event(session, now));
            }
        }
        return calendar;
    }

    /** The event's stable identity: the session's id, which neither moving nor cancelling changes. */
    public static String uidOf(SupervisionSession session) {
        return session.id() + UID_DOMAIN;
    }

    private static VEvent event(SupervisionSession session, Instant now) {
        VEvent event = new VEvent(session.startsAt(), session.endsAt(), summary(session));
        event.add(new Uid(uidOf(session)));
        event.replace(new DtStamp(now));
        event.add(new Sequence(session.sequence()));
        event.add(session.status() == SessionStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Description("Planned by the LXP Workforce Suite. "
                + (session.status() == SessionStatus.SCHEDULED ? "Scheduled." : "Recorded as " + lower(session.status()) + ".")));
        return event;
    }

    private static String summary(SupervisionSession session) {
        return switch (session.type()) {
            case LIVED_EXPERIENCE_PROFESSIONAL -> "Lived experience professional supervision";
            case LINE_MANAGEMENT -> "Line management supervision";
            case CLINICAL_OR_CASE -> "Clinical or case supervision";
            case GROUP -> "Group supervision";
            case WELLBEING_CHECK_IN -> "Wellbeing check-in";
            case MENTORING -> "Training programme mentoring";
        };
    }

    private static String lower(SessionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
