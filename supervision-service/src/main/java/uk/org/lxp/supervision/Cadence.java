package uk.org.lxp.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

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
        return parse(rule).getDates(seed, start.atStartOfDay(), end.plusDays(1).atStartOfDay());
    }

    private static Recur<LocalDateTime> parse(String rule) {
        try {
            return new Recur<>(rule.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not an RFC 5545 recurrence rule: " + rule + " (" + e.getMessage() + ")");
        }
    }
}
