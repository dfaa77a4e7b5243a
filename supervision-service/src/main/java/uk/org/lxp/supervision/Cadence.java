package uk.org.lxp.supervision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * When an agreement meets: an RFC 5545 recurrence rule (e.g. {@code FREQ=WEEKLY;INTERVAL=4;BYDAY=TU}) from a
 * first meeting at a wall-clock time in England, for a duration, until an optional last day. Occurrences keep
 * their wall-clock time across the clock changes: 14:00 stays 14:00 in March and October.
 */
public record Cadence(String rule, LocalDate firstDay, LocalTime time, Duration duration, LocalDate lastDay) {

    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofHours(8);
    private static final Pattern SIMPLE_WEEKLY = Pattern.compile("FREQ=WEEKLY(?:;INTERVAL=([1-9][0-9]{0,2}))?;BYDAY=(MO|TU|WE|TH|FR|SA|SU)");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);
    private static final Set<Frequency> SUPPORTED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    public Cadence {
        if (rule == null || rule.isBlank() || firstDay == null || time == null || duration == null) {
            throw new IllegalArgumentException("A cadence needs a recurrence rule, a first day, a time and a duration");
        }
        Recur<LocalDateTime> recur = parse(rule);
        if (!SUPPORTED.contains(recur.getFrequency())) {
            throw new IllegalArgumentException("A supervision cadence repeats daily at the most often, not "
                    + recur.getFrequency());
        }
        if (!recur.getHourList().isEmpty() || !recur.getMinuteList().isEmpty() || !recur.getSecondList().isEmpty()) {
            throw new IllegalArgumentException("A session meets once a day at most, at the cadence's time: the rule"
                    + " takes no BYHOUR, BYMINUTE or BYSECOND");
        }
        if (recur.getUntil() != null || recur.getCount() > 0) {
            throw new IllegalArgumentException("Give the last day as the agreement's end, not as UNTIL or COUNT in the rule");
        }
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("A session lasts 15 minutes to 8 hours");
        }
        if (lastDay != null && lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("The last day must not be before the first");
        }
    }

    /** The wall-clock starts the rule gives from {@code from} to {@code to}, both days included, within the cadence's days. */
    public List<LocalDateTime> occurrences(LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(firstDay) ? firstDay : from;
        LocalDate end = lastDay != null && lastDay.isBefore(to) ? lastDay : to;
        if (end.isBefore(start)) {
            return List.of();
        }
        LocalDateTime seed = LocalDateTime.of(firstDay, time);
        Matcher weekly = SIMPLE_WEEKLY.matcher(rule.trim());
        if (weekly.matches() && firstDay.getDayOfWeek() != DayOfWeek.SUNDAY && !"SU".equals(weekly.group(2))) {
            return everyNthWeek(DAYS.get(weekly.group(2)), weekly.group(1) == null ? 1 : Integer.parseInt(weekly.group(1)),
                    start, end);
        }
        // ical4j's period end is inclusive: a session at midnight would bring the day after the last one.
        return parse(rule).getDates(seed, start.atStartOfDay(), end.plusDays(1).atStartOfDay()).stream()
                .filter(occurrence -> !occurrence.toLocalDate().isAfter(end)).toList();
    }

    /**
     * The commonest cadence, one weekday every n weeks, counted directly (that day in the first meeting's week, then
     * every n-th week; none before the first meeting) rather than expanded through ical4j, which was most of the time
     * a year's plan for thousands of agreements took. Only Monday to Saturday: ical4j puts a Sunday in the week it
     * starts, where RFC 5545's default week starts on Monday, and plans must not change with this shortcut.
     */
    private List<LocalDateTime> everyNthWeek(DayOfWeek day, int interval, LocalDate start, LocalDate end) {
        long period = 7L * interval;
        LocalDate anchor = firstDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(day.getValue() - 1L);
        LocalDate earliest = start.isAfter(firstDay) ? start : firstDay;
        long daysToEarliest = ChronoUnit.DAYS.between(anchor, earliest);
        long first = daysToEarliest <= 0 ? 0 : (daysToEarliest + period - 1) / period;
        List<LocalDateTime> occurrences = new ArrayList<>();
        for (LocalDate next = anchor.plusDays(first * period); !next.isAfter(end); next = next.plusDays(period)) {
            occurrences.add(LocalDateTime.of(next, time));
        }
        return occurrences;
    }

    private static Recur<LocalDateTime> parse(String rule) {
        try {
            return new Recur<>(rule.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an RFC 5545 recurrence rule: " + rule + " (" + e.getMessage() + ")");
        }
    }
}
