package uk.org.lxp.supervision;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The days and hours someone works, in wall-clock time in England. A part-time LXP may work two days a week;
 * without a pattern from HR, Monday to Friday 09:00 to 17:00 is assumed.
 */
public record WorkingPattern(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public static final WorkingPattern STANDARD = new WorkingPattern(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    public WorkingPattern {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("A working pattern needs at least one working day");
        }
        if (start == null || end == null || !start.isBefore(end)) {
            throw new IllegalArgumentException("A working day's start must be before its end");
        }
        days = Set.copyOf(days);
    }

    /** The pattern as stored: its days as a comma-separated list of day names, e.g. {@code TUESDAY,WEDNESDAY}. */
    public static WorkingPattern stored(String days, LocalTime start, LocalTime end) {
        return new WorkingPattern(Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))), start, end);
    }

    /** The days and hours every one of the patterns works; refused when there are none. */
    public static WorkingPattern sharedBy(List<WorkingPattern> patterns) {
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        LocalTime start = LocalTime.MIN;
        LocalTime end = LocalTime.MAX;
        for (WorkingPattern pattern : patterns) {
            days.retainAll(pattern.days());
            start = pattern.start().isAfter(start) ? pattern.start() : start;
            end = pattern.end().isBefore(end) ? pattern.end() : end;
        }
        if (days.isEmpty() || !start.isBefore(end)) {
            throw new IllegalArgumentException("They share no working day and hours to meet in");
        }
        return new WorkingPattern(days, start, end);
    }

    /** The days as stored, in week order. */
    public String storedDays() {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    public boolean worksOn(DayOfWeek day) {
        return days.contains(day);
    }

    /** Whether the whole of a session from {@code start} for {@code length} falls in a working day's hours. */
    public boolean covers(LocalDateTime start, Duration length) {
        LocalDateTime finish = start.plus(length);
        return worksOn(start.getDayOfWeek()) && finish.toLocalDate().equals(start.toLocalDate())
                && !start.toLocalTime().isBefore(this.start) && !finish.toLocalTime().isAfter(end);
    }
}
