package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import uk.org.lxp.api.Today;

class SessionCalendarTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private static SupervisionSession sessionAt(LocalDateTime wallClock) {
        Supervisor supervisor = new Supervisor("RGD", "E-104233", new Supervisor.Details(true, "PEER_SUPPORT", "SENIOR",
                6, null, null, "senior.peer@nhs.net"), NOW);
        Agreement agreement = new Agreement("RGD", "E-100231", supervisor, new Agreement.Terms(
                SupervisionType.LIVED_EXPERIENCE_PROFESSIONAL, new Cadence("FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
                        wallClock.toLocalDate(), wallClock.toLocalTime(), Duration.ofHours(1), null), 28), NOW);
        Instant start = wallClock.atZone(Today.ENGLAND).toInstant();
        return new SupervisionSession(agreement, wallClock, start, start.plus(Duration.ofHours(1)), null, NOW);
    }

    private static Calendar roundTrip(List<SupervisionSession> sessions) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(SessionCalendar.of(sessions, NOW).toString()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    @Test
    void sessionsOnEitherSideOfTheClockChangeAreTheSameWallClockTimeInUtc() throws Exception {
        SupervisionSession winter = sessionAt(LocalDateTime.of(2027, 3, 23, 14, 0));
        SupervisionSession summer = sessionAt(LocalDateTime.of(2027, 4, 20, 14, 0));

        List<VEvent> events = roundTrip(List.of(winter, summer)).getComponents("VEVENT");

        assertThat(events).extracting(event -> event.getDateTimeStart().getValue())
                .containsExactly("20270323T140000Z", "20270420T130000Z");
    }

    @Test
    void aMovedOrCancelledSessionKeepsItsUidWithAHigherSequence() throws Exception {
        SupervisionSession session = sessionAt(LocalDateTime.of(2027, 3, 23, 14, 0));
        VEvent before = roundTrip(List.of(session)).<VEvent>getComponents("VEVENT").get(0);
        Instant later = LocalDate.of(2027, 3, 24).atTime(LocalTime.of(10, 0)).atZone(Today.ENGLAND).toInstant();
        session.moveTo(later, later.plus(Duration.ofHours(1)), "moved by hand", NOW);
        session.cancel(new Cancellation(Cancellation.By.SUPERVISOR, Cancellation.Reason.STAFFING), NOW);

        VEvent after = roundTrip(List.of(session)).<VEvent>getComponents("VEVENT").get(0);

        assertThat(after.getUid().orElseThrow().getValue()).isEqualTo(before.getUid().orElseThrow().getValue());
        assertThat(after.<Sequence>getProperty("SEQUENCE").orElseThrow().getSequenceNo()).isEqualTo(2);
        assertThat(after.<Status>getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void anEventNamesNobodyAndAnUnscheduledSessionIsLeftOut() throws Exception {
        SupervisionSession placed = sessionAt(LocalDateTime.of(2027, 3, 23, 14, 0));
        SupervisionSession unscheduled = sessionAt(LocalDateTime.of(2027, 4, 20, 14, 0));
        unscheduled.moveTo(null, null, "no time that week", NOW);

        String ics = SessionCalendar.of(List.of(placed, unscheduled), NOW).toString();

        assertThat(roundTrip(List.of(placed, unscheduled)).getComponents("VEVENT")).hasSize(1);
        assertThat(ics).doesNotContain("E-104233").doesNotContain("E-100231").doesNotContain("RGD")
                .doesNotContain("senior.peer").contains("SUMMARY:Lived experience professional supervision");
    }
}
