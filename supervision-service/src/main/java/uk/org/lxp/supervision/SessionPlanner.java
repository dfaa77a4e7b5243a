package uk.org.lxp.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places sessions on the calendar. Every occurrence a cadence gives is checked, not only the first few: on a bank
 * holiday, outside either person's working days or hours, on a day either is away, or clashing (with the buffer)
 * with a session either already has, it moves to the nearest free slot of the same week (the nearest day first,
 * then the nearest time of day, so a session keeps its usual time where it can; the earlier on a tie); if the week
 * has none, it is left unscheduled with the reason. Times are wall-clock times in England; each placed session is
 * booked in both diaries, so later occurrences and later agreements see it.
 */
public final class SessionPlanner {

    public enum Placement { AS_PLANNED, MOVED, UNSCHEDULED }

    /** An occurrence as the rule gives it and where it went; {@code start} is empty when unscheduled. */
    public record Planned(LocalDateTime occurrence, Optional<LocalDateTime> start, Placement placement, String reason) {
    }

    private static final Duration STEP = Duration.ofMinutes(15);

    private final Map<LocalDate, String> bankHolidays;
    private final Duration buffer;

    /** {@code bankHolidays}: each holiday's day and name; {@code buffer}: the gap kept between a person's sessions. */
    public SessionPlanner(Map<LocalDate, String> bankHolidays, Duration buffer) {
        this.bankHolidays = Map.copyOf(bankHolidays);
        this.buffer = buffer;
    }

    /** Plans every occurrence from {@code from} to {@code to}; none is placed before {@code notBefore}. */
    public List<Planned> plan(Cadence cadence, LocalDate from, LocalDate to, Diary supervisor, Diary supervisee,
            LocalDateTime notBefore) {
        List<Planned> planned = new ArrayList<>();
        for (LocalDateTime occurrence : cadence.occurrences(from, to)) {
            planned.add(place(occurrence, occurrence, cadence.duration(), supervisor, supervisee, notBefore));
        }
        return planned;
    }

    /**
     * Places one session wanted at {@code wanted} (for {@code occurrence} of its rule): there if it is free, else the
     * nearest free slot of the same week, else nowhere, with the reason.
     */
    public Planned place(LocalDateTime occurrence, LocalDateTime wanted, Duration length, Diary supervisor,
            Diary supervisee, LocalDateTime notBefore) {
        Optional<String> obstacle = obstacle(wanted, length, supervisor, supervisee, notBefore);
        if (obstacle.isEmpty()) {
            return booked(occurrence, wanted, length, Placement.AS_PLANNED, null, supervisor, supervisee);
        }
        Optional<LocalDateTime> nearest = nearestFreeInWeek(wanted, length, supervisor, supervisee, notBefore);
        if (nearest.isPresent()) {
            return booked(occurrence, nearest.get(), length, Placement.MOVED, obstacle.get(), supervisor, supervisee);
        }
        return new Planned(occurrence, Optional.empty(), Placement.UNSCHEDULED,
                obstacle.get() + ", and no other time that week suits both");
    }

    /** What can stop a session at a time; checked in this order, the first found is the reason given. */
    private enum Obstacle {
        PASSED, BANK_HOLIDAY, SUPERVISOR_HOURS, SUPERVISEE_HOURS, SUPERVISOR_AWAY, SUPERVISEE_AWAY, SUPERVISOR_BUSY,
        SUPERVISEE_BUSY
    }

    /** Why a session cannot be at {@code start}, if anything stops it. */
    public Optional<String> obstacle(LocalDateTime start, Duration length, Diary supervisor, Diary supervisee,
            LocalDateTime notBefore) {
        Obstacle obstacle = firstObstacle(start, length, supervisor, supervisee, notBefore);
        return obstacle == null ? Optional.empty() : Optional.of(reason(obstacle, start, length, supervisor, supervisee));
    }

    /** The first obstacle at {@code start}, or null when it is free; no text is made, as the search asks often. */
    private Obstacle firstObstacle(LocalDateTime start, Duration length, Diary supervisor, Diary supervisee,
            LocalDateTime notBefore) {
        LocalDate day = start.toLocalDate();
        if (start.isBefore(notBefore)) {
            return Obstacle.PASSED;
        }
        if (bankHolidays.containsKey(day)) {
            return Obstacle.BANK_HOLIDAY;
        }
        if (!supervisor.pattern().covers(start, length)) {
            return Obstacle.SUPERVISOR_HOURS;
        }
        if (!supervisee.pattern().covers(start, length)) {
            return Obstacle.SUPERVISEE_HOURS;
        }
        if (supervisor.isAway(day)) {
            return Obstacle.SUPERVISOR_AWAY;
        }
        if (supervisee.isAway(day)) {
            return Obstacle.SUPERVISEE_AWAY;
        }
        LocalDateTime end = start.plus(length);
        if (supervisor.clash(start, end, buffer).isPresent()) {
            return Obstacle.SUPERVISOR_BUSY;
        }
        return supervisee.clash(start, end, buffer).isPresent() ? Obstacle.SUPERVISEE_BUSY : null;
    }

    private String reason(Obstacle obstacle, LocalDateTime start, Duration length, Diary supervisor, Diary supervisee) {
        LocalDate day = start.toLocalDate();
        return switch (obstacle) {
            case PASSED -> start + " has passed";
            case BANK_HOLIDAY -> day + " is a bank holiday (" + bankHolidays.get(day) + ")";
            case SUPERVISOR_HOURS -> "the supervisor does not work at " + describe(start, length);
            case SUPERVISEE_HOURS -> "the supervisee does not work at " + describe(start, length);
            case SUPERVISOR_AWAY -> "the supervisor is away on " + day;
            case SUPERVISEE_AWAY -> "the supervisee is away on " + day;
            case SUPERVISOR_BUSY -> "the supervisor has another session at "
                    + supervisor.clash(start, start.plus(length), buffer).orElseThrow();
            case SUPERVISEE_BUSY -> "the supervisee has another session at "
                    + supervisee.clash(start, start.plus(length), buffer).orElseThrow();
        };
    }

    /**
     * The free slot of the wanted week nearest the wanted time: the nearest day first, then the nearest time of day
     * (between two days as near, the nearer time; the earlier on a tie). Days are tried nearest first, so the search
     * stops at the first distance with a free slot.
     */
    private Optional<LocalDateTime> nearestFreeInWeek(LocalDateTime wanted, Duration length, Diary supervisor,
            Diary supervisee, LocalDateTime notBefore) {
        LocalDate wantedDay = wanted.toLocalDate();
        int weekday = wantedDay.getDayOfWeek().getValue() - 1;
        int[] minutes = minutesNearest(wanted.toLocalTime(), length, supervisor.pattern(), supervisee.pattern());
        for (int distance = 0; distance < 7; distance++) {
            Optional<LocalDateTime> best = Optional.empty();
            for (int offset : distance == 0 ? new int[] {0} : new int[] {-distance, distance}) {
                if (weekday + offset >= 0 && weekday + offset <= 6) {
                    Optional<LocalDateTime> free = nearestFreeOn(wantedDay.plusDays(offset), minutes, length, supervisor,
                            supervisee, notBefore);
                    if (free.isPresent() && (best.isEmpty() || minutesApart(wanted, free.get()) < minutesApart(wanted, best.get()))) {
                        best = free;
                    }
                }
            }
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    /**
     * The first of {@code minutes} (minutes of the day, nearest first) free on the day, if the day is one both people
     * can meet at all. The minutes already fit both people's hours, so each is checked only for having passed and
     * for clashes.
     */
    private Optional<LocalDateTime> nearestFreeOn(LocalDate day, int[] minutes, Duration length, Diary supervisor,
            Diary supervisee, LocalDateTime notBefore) {
        if (bankHolidays.containsKey(day) || supervisor.isAway(day) || supervisee.isAway(day)
                || !supervisor.pattern().worksOn(day.getDayOfWeek()) || !supervisee.pattern().worksOn(day.getDayOfWeek())) {
            return Optional.empty();
        }
        for (int minute : minutes) {
            LocalDateTime candidate = day.atTime(minute / 60, minute % 60);
            if (candidate.isBefore(notBefore)) {
                continue;
            }
            LocalDateTime end = candidate.plus(length);
            if (supervisor.clash(candidate, end, buffer).isEmpty() && supervisee.clash(candidate, end, buffer).isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static long minutesApart(LocalDateTime wanted, LocalDateTime candidate) {
        return Math.abs(ChronoUnit.MINUTES.between(wanted.toLocalTime(), candidate.toLocalTime()));
    }

    /**
     * The starts, every quarter hour from the later start of day (in whole minutes; a start between minutes drops the
     * point before it), at which a session fits both people's hours, as minutes of the day, nearest {@code wanted}
     * first by whole minutes apart (the earlier of two as near): the starts on either side of {@code wanted} taken in
     * turn, outwards.
     */
    static int[] minutesNearest(LocalTime wanted, Duration length, WorkingPattern one, WorkingPattern other) {
        int startOfDay = latest(one.start(), other.start()).toSecondOfDay();
        int from = startOfDay / 60;
        int to = earliest(one.end(), other.end()).toSecondOfDay() / 60;
        int step = (int) STEP.toMinutes();
        long span = to - length.toMinutes() - from;
        int count = span < 0 ? 0 : (int) (span / step + 1);
        int first = from * 60 < startOfDay ? 1 : 0;
        int wantedSecond = wanted.toSecondOfDay();
        int after = first;
        while (after < count && (from + after * step) * 60 < wantedSecond) {
            after++;
        }
        int before = after - 1;
        int[] minutes = new int[Math.max(0, count - first)];
        for (int next = 0; next < minutes.length; next++) {
            boolean takeBefore = before >= first && (after >= count
                    || minutesApart(wantedSecond, from + before * step) <= minutesApart(wantedSecond, from + after * step));
            minutes[next] = from + (takeBefore ? before-- : after++) * step;
        }
        return minutes;
    }

    /** Whole minutes between a time (in seconds of the day) and a start (in minutes), as ChronoUnit counts them. */
    private static long minutesApart(int wantedSecond, int minute) {
        return Math.abs((minute * 60L - wantedSecond) / 60);
    }

    private static Planned booked(LocalDateTime occurrence, LocalDateTime start, Duration length, Placement placement,
            String reason, Diary supervisor, Diary supervisee) {
        supervisor.book(start, start.plus(length));
        supervisee.book(start, start.plus(length));
        return new Planned(occurrence, Optional.of(start), placement, reason);
    }

    private static String describe(LocalDateTime start, Duration length) {
        return start.getDayOfWeek().toString().charAt(0) + start.getDayOfWeek().toString().substring(1).toLowerCase()
                + " " + start.toLocalDate() + " " + start.toLocalTime() + "-" + start.plus(length).toLocalTime();
    }

    private static LocalTime latest(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime earliest(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
