package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.lxp.supervision.SessionPlanner.Placement;
import uk.org.lxp.supervision.SessionPlanner.Planned;

class SessionPlannerTest {

    private static final LocalDateTime LONG_AGO = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Map<LocalDate, String> HOLIDAYS = Map.of(
            LocalDate.of(2026, 12, 25), "Christmas Day", LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)");

    private final SessionPlanner planner = new SessionPlanner(HOLIDAYS, Duration.ofMinutes(15));

    private static Diary standard() {
        return new Diary(WorkingPattern.STANDARD, List.of());
    }

    private static Cadence weekly(String day, LocalDate first, LocalTime time) {
        return new Cadence("FREQ=WEEKLY;BYDAY=" + day, first, time, HOUR, null);
    }

    @Test
    void aBankHolidayMovesTheSessionToTheNearestFreeTimeThatWeek() {
        Cadence fridays = weekly("FR", LocalDate.of(2026, 12, 4), LocalTime.of(14, 0));
        List<Planned> planned = planner.plan(fridays, LocalDate.of(2026, 12, 18), LocalDate.of(2027, 1, 1),
                standard(), standard(), LONG_AGO);

        assertThat(planned).extracting(Planned::placement)
                .containsExactly(Placement.AS_PLANNED, Placement.MOVED, Placement.AS_PLANNED);
        Planned christmas = planned.get(1);
        assertThat(christmas.occurrence()).isEqualTo(LocalDateTime.of(2026, 12, 25, 14, 0));
        assertThat(christmas.start()).contains(LocalDateTime.of(2026, 12, 24, 14, 0));
        assertThat(christmas.reason()).contains("bank holiday (Christmas Day)");
    }

    @Test
    void aOneOffHolidayAddedLaterMovesTheSessionsOnIt() {
        Cadence tuesdays = weekly("TU", LocalDate.of(2027, 5, 4), LocalTime.of(10, 0));
        SessionPlanner withCoronation = new SessionPlanner(Map.of(LocalDate.of(2027, 5, 11), "One-off bank holiday"),
                Duration.ofMinutes(15));
        Planned before = planner.plan(tuesdays, LocalDate.of(2027, 5, 11), LocalDate.of(2027, 5, 11), standard(),
                standard(), LONG_AGO).get(0);
        Planned after = withCoronation.plan(tuesdays, LocalDate.of(2027, 5, 11), LocalDate.of(2027, 5, 11), standard(),
                standard(), LONG_AGO).get(0);

        assertThat(before.start()).contains(LocalDateTime.of(2027, 5, 11, 10, 0));
        assertThat(after.start()).contains(LocalDateTime.of(2027, 5, 10, 10, 0));
        assertThat(after.reason()).contains("One-off bank holiday");
    }

    @Test
    void aPartTimeSuperviseeIsMetOnADayTheyWork() {
        Diary twoDays = new Diary(new WorkingPattern(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(10, 0), LocalTime.of(15, 0)), List.of());
        Cadence mondays = weekly("MO", LocalDate.of(2027, 1, 4), LocalTime.of(9, 30));
        List<Planned> planned = planner.plan(mondays, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 31), standard(),
                twoDays, LONG_AGO);

        assertThat(planned).hasSize(4).allSatisfy(p -> {
            assertThat(p.placement()).isEqualTo(Placement.MOVED);
            assertThat(p.reason()).contains("the supervisee does not work");
            assertThat(p.start().orElseThrow().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(p.start().orElseThrow().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        });
    }

    @Test
    void aWeekAwayLeavesThatWeeksSessionUnscheduledWithTheReason() {
        Diary onLeave = new Diary(WorkingPattern.STANDARD,
                List.of(new DateRange(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 12))));
        List<Planned> planned = planner.plan(weekly("WE", LocalDate.of(2027, 2, 3), LocalTime.of(11, 0)),
                LocalDate.of(2027, 2, 3), LocalDate.of(2027, 2, 17), onLeave, standard(), LONG_AGO);

        assertThat(planned).extracting(Planned::placement)
                .containsExactly(Placement.AS_PLANNED, Placement.UNSCHEDULED, Placement.AS_PLANNED);
        assertThat(planned.get(1).start()).isEmpty();
        assertThat(planned.get(1).reason()).isEqualTo("the supervisor is away on 2027-02-10, and no other time that week suits both");
    }

    @Test
    void theBufferKeepsAGapAfterTheSupervisorsLastSession() {
        Diary supervisor = standard();
        supervisor.book(LocalDateTime.of(2027, 3, 2, 13, 0), LocalDateTime.of(2027, 3, 2, 14, 0));
        Planned planned = planner.plan(weekly("TU", LocalDate.of(2027, 3, 2), LocalTime.of(14, 0)),
                LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2), supervisor, standard(), LONG_AGO).get(0);

        assertThat(planned.placement()).isEqualTo(Placement.MOVED);
        assertThat(planned.start()).contains(LocalDateTime.of(2027, 3, 2, 14, 15));
        assertThat(planned.reason()).contains("another session at 2027-03-02T13:00");
    }

    @Test
    void clashesAreCheckedAtEveryOccurrenceOfAYearNotOnlyTheFirst() {
        Diary supervisor = standard();
        LocalDate first = LocalDate.of(2027, 1, 5);
        Cadence tuesdaysAtTwo = weekly("TU", first, LocalTime.of(14, 0));
        List<Planned> firstAgreement = planner.plan(tuesdaysAtTwo, first, first.plusYears(1), supervisor, standard(),
                LONG_AGO);
        List<Planned> secondAgreement = planner.plan(tuesdaysAtTwo, first, first.plusYears(1), supervisor, standard(),
                LONG_AGO);

        assertThat(firstAgreement).hasSize(53).allMatch(p -> p.placement() == Placement.AS_PLANNED);
        assertThat(secondAgreement).hasSize(53).allMatch(p -> p.placement() == Placement.MOVED);
        List<LocalDateTime> starts = new ArrayList<>();
        firstAgreement.forEach(p -> starts.add(p.start().orElseThrow()));
        secondAgreement.forEach(p -> starts.add(p.start().orElseThrow()));
        starts.sort(null);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("gap after %s", starts.get(i - 1))
                    .isGreaterThanOrEqualTo(HOUR.plusMinutes(15));
        }
    }

    @Test
    void aSessionStaysAtItsWallClockTimeAcrossTheMarchAndOctoberClockChanges() {
        List<Planned> planned = planner.plan(weekly("TU", LocalDate.of(2027, 3, 23), LocalTime.of(14, 0)),
                LocalDate.of(2027, 3, 23), LocalDate.of(2027, 11, 2), standard(), standard(), LONG_AGO);
        ZoneId england = ZoneId.of("Europe/London");

        assertThat(planned).allSatisfy(p -> assertThat(p.start().orElseThrow().toLocalTime()).isEqualTo(LocalTime.of(14, 0)));
        Instant beforeMarch = planned.get(0).start().orElseThrow().atZone(england).toInstant();
        Instant afterMarch = planned.get(1).start().orElseThrow().atZone(england).toInstant();
        Instant afterOctober = planned.get(planned.size() - 1).start().orElseThrow().atZone(england).toInstant();
        assertThat(beforeMarch).isEqualTo(Instant.parse("2027-03-23T14:00:00Z"));
        assertThat(afterMarch).isEqualTo(Instant.parse("2027-03-30T13:00:00Z"));
        assertThat(afterOctober).isEqualTo(Instant.parse("2027-11-02T14:00:00Z"));
    }

    @Test
    void oneOccurrenceIsRescheduledWithoutTouchingTheRest() {
        Cadence cadence = weekly("TH", LocalDate.of(2027, 4, 1), LocalTime.of(9, 0));
        List<Planned> series = planner.plan(cadence, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 29), standard(),
                standard(), LONG_AGO);
        Planned third = series.get(2);
        // As the service does: the diaries hold the rest of the series, not the session being moved.
        Diary supervisor = standard();
        Diary supervisee = standard();
        series.stream().filter(planned -> planned != third).map(planned -> planned.start().orElseThrow())
                .forEach(start -> {
                    supervisor.book(start, start.plus(HOUR));
                    supervisee.book(start, start.plus(HOUR));
                });

        Planned moved = planner.place(third.occurrence(), LocalDateTime.of(2027, 4, 16, 11, 0), HOUR, supervisor,
                supervisee, LONG_AGO);

        assertThat(moved.start()).contains(LocalDateTime.of(2027, 4, 16, 11, 0));
        assertThat(planner.obstacle(series.get(1).start().orElseThrow(), HOUR, supervisor, supervisee, LONG_AGO))
                .as("the rest of the series is still booked").isPresent();
        assertThat(planner.obstacle(third.start().orElseThrow(), HOUR, supervisor, supervisee, LONG_AGO)).isEmpty();
    }

    @Test
    void aCadenceChangedMidSeriesIsPlannedOnlyFromTheChange() {
        Cadence fortnightly = new Cadence("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", LocalDate.of(2027, 6, 7),
                LocalTime.of(15, 0), HOUR, null);
        List<Planned> planned = planner.plan(fortnightly, LocalDate.of(2027, 6, 21), LocalDate.of(2027, 7, 31),
                standard(), standard(), LocalDateTime.of(2027, 6, 21, 0, 0));

        assertThat(planned).extracting(p -> p.start().orElseThrow().toLocalDate()).containsExactly(
                LocalDate.of(2027, 6, 21), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 7, 19));
    }

    @Test
    void nothingIsPlacedInThePast() {
        Planned planned = planner.place(LocalDateTime.of(2027, 1, 4, 9, 0), LocalDateTime.of(2027, 1, 4, 9, 0), HOUR,
                standard(), standard(), LocalDateTime.of(2027, 1, 6, 12, 0));

        assertThat(planned.start()).contains(LocalDateTime.of(2027, 1, 6, 12, 0));
        assertThat(planned.reason()).contains("has passed");
    }

    @Test
    void aCadenceIsAValidRuleOfSensibleLength() {
        assertThatThrownBy(() -> new Cadence("FREQ=HOURLY", LocalDate.of(2027, 1, 1), LocalTime.NOON, HOUR, null))
                .hasMessageContaining("daily at the most often");
        assertThatThrownBy(() -> new Cadence("FREQ=DAILY;BYHOUR=9,10,11", LocalDate.of(2027, 1, 1), LocalTime.NOON, HOUR, null))
                .hasMessageContaining("once a day at most");
        assertThatThrownBy(() -> new Cadence("EVERY TUESDAY", LocalDate.of(2027, 1, 1), LocalTime.NOON, HOUR, null))
                .hasMessageContaining("Not an RFC 5545 recurrence rule");
        assertThatThrownBy(() -> new Cadence("FREQ=WEEKLY;COUNT=3", LocalDate.of(2027, 1, 1), LocalTime.NOON, HOUR, null))
                .hasMessageContaining("last day");
        assertThatThrownBy(() -> new Cadence("FREQ=WEEKLY", LocalDate.of(2027, 1, 1), LocalTime.NOON, Duration.ofHours(9), null))
                .hasMessageContaining("15 minutes to 8 hours");
        assertThat(new Cadence("FREQ=MONTHLY;BYDAY=1WE", LocalDate.of(2027, 1, 1), LocalTime.NOON, HOUR,
                LocalDate.of(2027, 3, 31)).occurrences(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1)))
                .containsExactly(LocalDateTime.of(2027, 1, 6, 12, 0), LocalDateTime.of(2027, 2, 3, 12, 0),
                        LocalDateTime.of(2027, 3, 3, 12, 0));
    }

    @Test
    void workingPatternsCoverWholeSessionsOnWorkingDays() {
        WorkingPattern pattern = new WorkingPattern(EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), LocalTime.of(13, 0));
        assertThat(pattern.covers(LocalDateTime.of(2027, 1, 6, 12, 0), HOUR)).isTrue();
        assertThat(pattern.covers(LocalDateTime.of(2027, 1, 6, 12, 30), HOUR)).isFalse();
        assertThat(pattern.covers(LocalDateTime.of(2027, 1, 7, 9, 0), HOUR)).isFalse();
        assertThatThrownBy(() -> new WorkingPattern(EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WorkingPattern.STANDARD.days()).hasSize(5);
    }

    @Test
    void aMovedSessionTriesTheQuarterHoursThatFitBothDaysNearestTheWantedTimeFirstTheEarlierOnATie() {
        WorkingPattern nineToFive = new WorkingPattern(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));
        WorkingPattern tenToThree = new WorkingPattern(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), LocalTime.of(15, 0));

        int[] minutes = SessionPlanner.minutesNearest(LocalTime.of(11, 7), Duration.ofMinutes(60), nineToFive, tenToThree);

        assertThat(minutes).containsExactly(minutesOf(11, 0), minutesOf(11, 15), minutesOf(10, 45), minutesOf(11, 30),
                minutesOf(10, 30), minutesOf(11, 45), minutesOf(10, 15), minutesOf(12, 0), minutesOf(10, 0),
                minutesOf(12, 15), minutesOf(12, 30), minutesOf(12, 45), minutesOf(13, 0), minutesOf(13, 15),
                minutesOf(13, 30), minutesOf(13, 45), minutesOf(14, 0));
        assertThat(SessionPlanner.minutesNearest(LocalTime.of(11, 30), Duration.ofMinutes(60), nineToFive, tenToThree))
                .startsWith(minutesOf(11, 30), minutesOf(11, 15), minutesOf(11, 45));
        assertThat(SessionPlanner.minutesNearest(LocalTime.of(7, 0), Duration.ofMinutes(60), nineToFive, tenToThree))
                .startsWith(minutesOf(10, 0), minutesOf(10, 15));
        assertThat(SessionPlanner.minutesNearest(LocalTime.of(18, 0), Duration.ofMinutes(60), nineToFive, tenToThree))
                .startsWith(minutesOf(14, 0), minutesOf(13, 45));
        assertThat(SessionPlanner.minutesNearest(LocalTime.of(11, 0), Duration.ofHours(6), nineToFive, tenToThree)).isEmpty();
    }

    @Test
    void theNearestFirstOrderIsTheOrderOfSortingEveryFittingStartByWholeMinutesApart() {
        java.util.Random random = new java.util.Random(5);
        for (int trial = 0; trial < 3_000; trial++) {
            WorkingPattern one = randomHours(random);
            WorkingPattern other = randomHours(random);
            LocalTime wanted = LocalTime.ofSecondOfDay(random.nextInt(24 * 3600));
            Duration length = Duration.ofMinutes(15L * (1 + random.nextInt(8)));

            int[] expected = sortedByDistance(wanted, length, one, other).stream().mapToInt(Integer::intValue).toArray();

            assertThat(SessionPlanner.minutesNearest(wanted, length, one, other)).as("trial %d: %s %s %s %s", trial, wanted,
                    length, one, other).containsExactly(expected);
        }
    }

    private static WorkingPattern randomHours(java.util.Random random) {
        int start = 6 * 3600 + random.nextInt(6 * 3600);
        int end = start + 3600 + random.nextInt(10 * 3600);
        return new WorkingPattern(EnumSet.of(DayOfWeek.MONDAY), LocalTime.ofSecondOfDay(start),
                LocalTime.ofSecondOfDay(Math.min(end, 24 * 3600 - 1)));
    }

    /** The plain way: every quarter hour from the later start's minute that fits both days, sorted by distance. */
    private static List<Integer> sortedByDistance(LocalTime wanted, Duration length, WorkingPattern one, WorkingPattern other) {
        LocalTime later = one.start().isAfter(other.start()) ? one.start() : other.start();
        LocalTime earlier = one.end().isBefore(other.end()) ? one.end() : other.end();
        List<LocalTime> times = new ArrayList<>();
        for (int minute = later.toSecondOfDay() / 60; minute + length.toMinutes() <= earlier.toSecondOfDay() / 60; minute += 15) {
            LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
            if (!time.isBefore(later)) {
                times.add(time);
            }
        }
        times.sort(java.util.Comparator.comparingLong((LocalTime time) -> Math.abs(java.time.temporal.ChronoUnit.MINUTES.between(wanted, time)))
                .thenComparing(java.util.Comparator.naturalOrder()));
        return times.stream().map(time -> time.toSecondOfDay() / 60).toList();
    }

    private static int minutesOf(int hour, int minute) {
        return hour * 60 + minute;
    }
}
