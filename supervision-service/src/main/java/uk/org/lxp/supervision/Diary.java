package uk.org.lxp.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One person's time as the planner sees it: the days and hours they work, the days they are away, and the sessions
 * already booked (wall-clock times in England). Booked sessions are kept in order, so a clash is found without
 * looking at every one.
 */
public final class Diary {

    private final WorkingPattern pattern;
    private final List<DateRange> away;
    private final NavigableMap<LocalDateTime, LocalDateTime> booked = new TreeMap<>();

    public Diary(WorkingPattern pattern, List<DateRange> away) {
        this.pattern = pattern;
        this.away = List.copyOf(away);
    }

    /**
     * The time a group shares: the days and hours all of them work, away when any of them is, and busy when any of
     * them is; refused when they share no working time at all.
     */
    public static Diary shared(List<Diary> diaries) {
        WorkingPattern together = WorkingPattern.sharedBy(diaries.stream().map(Diary::pattern).toList());
        Diary shared = new Diary(together, diaries.stream().flatMap(diary -> diary.away.stream()).toList());
        diaries.forEach(diary -> diary.booked.forEach((start, end) ->
                shared.booked.merge(start, end, (one, other) -> one.isAfter(other) ? one : other)));
        return shared;
    }

    public WorkingPattern pattern() {
        return pattern;
    }

    public boolean isAway(LocalDate day) {
        for (DateRange period : away) {
            if (period.includes(day)) {
                return true;
            }
        }
        return false;
    }

    /** A session booked already that overlaps {@code start} to {@code end} once the buffer is kept on both sides. */
    public Optional<LocalDateTime> clash(LocalDateTime start, LocalDateTime end, Duration buffer) {
        LocalDateTime latestStart = end.plus(buffer);
        Map.Entry<LocalDateTime, LocalDateTime> before = booked.lowerEntry(latestStart);
        while (before != null) {
            if (before.getValue().plus(buffer).isAfter(start)) {
                return Optional.of(before.getKey());
            }
            // Sessions are at most a day long: nothing earlier than a day before can reach this one.
            if (before.getKey().isBefore(start.minusDays(1))) {
                return Optional.empty();
            }
            before = booked.lowerEntry(before.getKey());
        }
        return Optional.empty();
    }

    public void book(LocalDateTime start, LocalDateTime end) {
        booked.put(start, end);
    }
}
