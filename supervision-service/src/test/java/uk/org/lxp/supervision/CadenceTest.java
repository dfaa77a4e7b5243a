package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.model.Recur;

class CadenceTest {

    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    @Test
    void everyFourthTuesdayFromTheFirstMeetingKeepsItsTimeAcrossTheClockChange() {
        Cadence cadence = new Cadence("FREQ=WEEKLY;INTERVAL=4;BYDAY=TU", LocalDate.of(2027, 3, 2), LocalTime.of(14, 0),
                Duration.ofHours(1), null);

        assertThat(cadence.occurrences(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31))).containsExactly(
                LocalDateTime.of(2027, 3, 2, 14, 0), LocalDateTime.of(2027, 3, 30, 14, 0),
                LocalDateTime.of(2027, 4, 27, 14, 0), LocalDateTime.of(2027, 5, 25, 14, 0));
        assertThat(cadence.occurrences(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 27)))
                .containsExactly(LocalDateTime.of(2027, 4, 27, 14, 0));
        assertThat(cadence.occurrences(LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 29))).isEmpty();
    }

    @Test
    void aSessionAtMidnightOnTheDayAfterTheLastIsNotAnOccurrence() {
        Cadence weekly = new Cadence("FREQ=WEEKLY;BYDAY=WE", LocalDate.of(2027, 5, 5), LocalTime.MIDNIGHT,
                Duration.ofHours(1), null);
        Cadence monthly = new Cadence("FREQ=MONTHLY;BYDAY=1WE", LocalDate.of(2027, 5, 5), LocalTime.MIDNIGHT,
                Duration.ofHours(1), null);

        assertThat(weekly.occurrences(LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 11)))
                .containsExactly(LocalDateTime.of(2027, 5, 5, 0, 0));
        assertThat(monthly.occurrences(LocalDate.of(2027, 5, 5), LocalDate.of(2027, 6, 1)))
                .containsExactly(LocalDateTime.of(2027, 5, 5, 0, 0));
    }

    @Test
    void weeklyRulesCountedDirectlyGiveWhatTheRuleExpandedByIcal4jGives() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2_000; trial++) {
            LocalDate firstDay = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(800));
            boolean onItsDay = random.nextInt(4) > 0;
            String day = onItsDay ? DAYS[firstDay.getDayOfWeek().getValue() - 1] : DAYS[random.nextInt(7)];
            int interval = 1 + random.nextInt(5);
            String rule = interval == 1 && random.nextBoolean() ? "FREQ=WEEKLY;BYDAY=" + day
                    : "FREQ=WEEKLY;INTERVAL=" + interval + ";BYDAY=" + day;
            LocalTime time = LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
            LocalDate lastDay = random.nextInt(3) == 0 ? firstDay.plusDays(random.nextInt(300)) : null;
            Cadence cadence = new Cadence(rule, firstDay, time, Duration.ofMinutes(60), lastDay);
            LocalDate from = firstDay.plusDays(random.nextInt(200) - 100);
            LocalDate to = from.plusDays(random.nextInt(400));

            assertThat(cadence.occurrences(from, to)).as("trial %d: %s from %s at %s until %s, %s to %s", trial, rule,
                    firstDay, time, lastDay, from, to).isEqualTo(expandedByIcal4j(cadence, from, to));
        }
    }

    private static List<LocalDateTime> expandedByIcal4j(Cadence cadence, LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(cadence.firstDay()) ? cadence.firstDay() : from;
        LocalDate end = cadence.lastDay() != null && cadence.lastDay().isBefore(to) ? cadence.lastDay() : to;
        if (end.isBefore(start)) {
            return List.of();
        }
        return new Recur<LocalDateTime>(cadence.rule()).getDates(LocalDateTime.of(cadence.firstDay(), cadence.time()),
                start.atStartOfDay(), end.plusDays(1).atStartOfDay()).stream()
                .filter(occurrence -> !occurrence.toLocalDate().isAfter(end)).toList();
    }
}
