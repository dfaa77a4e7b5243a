package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Today;
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Diary;
import uk.org.lxp.supervision.SessionPlanner;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.WorkingPattern;
import uk.org.lxp.supervision.events.SessionEvents;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.repository.BankHolidayRepository;
import uk.org.lxp.supervision.repository.GroupSessionRepository;
import uk.org.lxp.supervision.repository.SessionRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * Keeps every active agreement's sessions planned over a rolling horizon ({@code lxp.supervision.horizon-weeks}),
 * with the planner's rules, and re-plans what is still to come when an agreement's terms, a person's working
 * pattern or leave, or the bank holidays change. Sessions that have happened are never touched; a session still to
 * come keeps its identity (and so its calendar UID) when re-planned, and stays where it is if that is still free.
 */
@ApplicationScoped
public class SessionPlanning {

    private static final Logger LOG = Logger.getLogger(SessionPlanning.class);
    private static final LocalDateTime ANY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final AgreementRepository agreements;
    private final SessionRepository sessions;
    private final SupervisorRepository supervisors;
    private final SuperviseeRepository supervisees;
    private final BankHolidayRepository bankHolidays;
    private final GroupSessionRepository meetings;
    private final SessionEvents events;
    private final Clock clock;
    private final int horizonWeeks;
    private final Duration buffer;

    SessionPlanning(AgreementRepository agreements, SessionRepository sessions, SupervisorRepository supervisors,
            SuperviseeRepository supervisees, BankHolidayRepository bankHolidays, GroupSessionRepository meetings,
            SessionEvents events, Clock clock,
            @ConfigProperty(name = "lxp.supervision.horizon-weeks") int horizonWeeks,
            @ConfigProperty(name = "lxp.supervision.buffer") Duration buffer) {
        this.agreements = agreements;
        this.sessions = sessions;
        this.supervisors = supervisors;
        this.supervisees = supervisees;
        this.bankHolidays = bankHolidays;
        this.meetings = meetings;
        this.events = events;
        this.clock = clock;
        this.horizonWeeks = horizonWeeks;
        this.buffer = buffer;
    }

    /**
     * Plans a new agreement's sessions from its first day to the horizon. An agreement that began in the past (a
     * trust moving its records in) gets its sessions of up to a year back too, to be recorded as held, cancelled or
     * missed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planNew(Agreement agreement) {
        LocalDate yearAgo = Today.in(clock).minusYears(1);
        LocalDate firstDay = agreement.cadence().firstDay();
        plan(agreement, List.of(), firstDay.isBefore(yearAgo) ? yearAgo : firstDay, ANY_TIME, new HashMap<>());
    }

    /**
     * Plans the sessions still to come (scheduled in the future, or unscheduled) again from today: after the
     * agreement's terms changed, or a person's working pattern or leave. Each keeps its place if that is still free,
     * else is placed as a new occurrence would be; those the rule no longer gives are withdrawn. Of an ended agreement,
     * only those after its last day are withdrawn, and nothing is placed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replanFuture(Agreement agreement) {
        Instant now = clock.instant();
        List<SupervisionSession> planned = sessions.ofAgreement(agreement.id());
        List<SupervisionSession> toCome = planned.stream().filter(session -> session.isStillToCome(now)).toList();
        if (agreement.status() == Agreement.Status.ENDED) {
            LocalDate lastDay = agreement.cadence().lastDay();
            withdraw(toCome.stream().filter(session -> session.occurrence().toLocalDate().isAfter(lastDay)).toList());
            return;
        }
        Map<LocalDateTime, SupervisionSession> replannable = toCome.stream()
                .collect(Collectors.toMap(SupervisionSession::occurrence, Function.identity()));
        plan(agreement, planned, Today.in(clock), LocalDateTime.ofInstant(now, Today.ENGLAND), replannable);
    }

    /** Re-plans the future sessions of every active agreement of a supervisor or supervisee whose time changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replanFuture(List<Agreement> affected) {
        affected.forEach(this::replanFuture);
    }

    /**
     * Moves the scheduled sessions still to come of a day that became a bank holiday: elsewhere in their week, or
     * unscheduled. Those that have begun stay, to be recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SupervisionSession> moveOffHoliday(LocalDate day) {
        Instant now = clock.instant();
        Instant dayStart = day.atStartOfDay(Today.ENGLAND).toInstant();
        Instant from = dayStart.isAfter(now) ? dayStart : now;
        Instant to = day.plusDays(1).atStartOfDay(Today.ENGLAND).toInstant();
        SessionPlanner planner = planner();
        List<SupervisionSession> moved = new ArrayList<>();
        for (SupervisionSession session : sessions.scheduledBetween(from, to)) {
            Agreement agreement = agreements.findById(session.agreementId());
            Duration length = Duration.between(session.startsAt(), session.endsAt());
            Diaries diaries = diaries(agreement, day, day, Set.of(session.id()));
            SessionPlanner.Planned placed = planner.place(session.occurrence(), local(session.startsAt()), length,
                    diaries.supervisor(), diaries.supervisee(), LocalDateTime.ofInstant(now, Today.ENGLAND));
            Instant start = placed.start().map(SessionPlanning::instant).orElse(null);
            session.moveTo(start, start == null ? null : start.plus(length), placed.reason(), now);
            moved.add(session);
        }
        sessions.flush();
        events.record(SessionEvents.RESCHEDULED, moved.stream().filter(s -> s.startsAt() != null).toList());
        events.record(SessionEvents.UNSCHEDULED, moved.stream().filter(s -> s.startsAt() == null).toList());
        return moved;
    }

    /** Moves one session to a wanted wall-clock time, if nothing stops it there; else says what does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> reschedule(SupervisionSession session, LocalDateTime wanted) {
        Agreement agreement = agreements.findById(session.agreementId());
        Duration length = agreement.cadence().duration();
        Diaries diaries = diaries(agreement, wanted.toLocalDate(), wanted.toLocalDate(), Set.of(session.id()));
        Optional<String> obstacle = planner().obstacle(wanted, length, diaries.supervisor(), diaries.supervisee(),
                LocalDateTime.ofInstant(clock.instant(), Today.ENGLAND));
        if (obstacle.isEmpty()) {
            Instant start = instant(wanted);
            session.moveTo(start, start.plus(length), "moved by hand", clock.instant());
            sessions.flush();
            events.record(SessionEvents.RESCHEDULED, List.of(session));
        }
        return obstacle;
    }

    /**
     * Daily: every active agreement's sessions are planned up to the horizon from today, each in its own
     * transaction, so that one that fails (it is logged, and tried again the next day) holds up no other.
     */
    void extendHorizon() {
        LocalDate horizon = horizon();
        int extended = 0;
        int failed = 0;
        for (Agreement agreement : QuarkusTransaction.requiringNew().call(() -> agreements.plannedShortOf(horizon))) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Agreement current = agreements.findById(agreement.id());
                    LocalDate from = current.plannedUntil() == null ? current.cadence().firstDay()
                            : current.plannedUntil().plusDays(1);
                    plan(current, sessions.ofAgreement(current.id()), from,
                            LocalDateTime.ofInstant(clock.instant(), Today.ENGLAND), new HashMap<>());
                });
                extended++;
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf(e, "Could not plan the sessions of agreement %s ahead; it is tried again tomorrow", agreement.id());
            }
        }
        if (extended > 0 || failed > 0) {
            LOG.infof("Planned sessions up to %s for %d agreement(s); %d failed", horizon, extended, failed);
        }
    }

    public LocalDate horizon() {
        return Today.in(clock).plusWeeks(horizonWeeks);
    }

    /**
     * Places the occurrences from {@code from} to the horizon (or the last day) that have no session among
     * {@code planned} (the agreement's sessions so far), and those whose session is {@code replannable}: kept where
     * it is if still free, else placed afresh. Replannable sessions whose occurrence the rule no longer gives are
     * withdrawn.
     */
    private void plan(Agreement agreement, List<SupervisionSession> planned, LocalDate from, LocalDateTime notBefore,
            Map<LocalDateTime, SupervisionSession> replannable) {
        LocalDate to = horizon();
        if (agreement.cadence().lastDay() != null && agreement.cadence().lastDay().isBefore(to)) {
            to = agreement.cadence().lastDay();
        }
        Set<LocalDateTime> settled = planned.stream().map(SupervisionSession::occurrence)
                .filter(occurrence -> !replannable.containsKey(occurrence)).collect(Collectors.toSet());
        Set<UUID> beingReplanned = replannable.values().stream().map(SupervisionSession::id).collect(Collectors.toSet());
        List<LocalDateTime> occurrences = occurrencesToPlace(agreement, from, to, replannable.keySet());
        LocalDate earliest = occurrences.isEmpty() ? from : occurrences.get(0).toLocalDate();
        Diaries diaries = diaries(agreement, earliest.isBefore(from) ? earliest : from, to, beingReplanned);
        Duration length = agreement.cadence().duration();
        SessionPlanner planner = planner();
        Instant now = clock.instant();
        List<SupervisionSession> placed = new ArrayList<>();
        List<SupervisionSession> moved = new ArrayList<>();
        for (LocalDateTime occurrence : occurrences) {
            if (settled.contains(occurrence)) {
                continue;
            }
            SupervisionSession existing = replannable.remove(occurrence);
            SessionPlanner.Planned placement = keptInPlace(existing, length, diaries, planner, notBefore)
                    .orElseGet(() -> planner.place(occurrence, occurrence, length, diaries.supervisor(),
                            diaries.supervisee(), notBefore));
            Instant start = placement.start().map(SessionPlanning::instant).orElse(null);
            Instant end = start == null ? null : start.plus(length);
            if (existing == null) {
                placed.add(new SupervisionSession(agreement, occurrence, start, end, placement.reason(), now));
            } else if (!Objects.equals(existing.startsAt(), start) || !Objects.equals(existing.endsAt(), end)) {
                existing.moveTo(start, end, placement.reason(), now);
                moved.add(existing);
            }
        }
        withdraw(List.copyOf(replannable.values()));
        sessions.persist(placed);
        sessions.flush();
        events.record(SessionEvents.SCHEDULED, placed.stream().filter(s -> s.startsAt() != null).toList());
        events.record(SessionEvents.UNSCHEDULED, placed.stream().filter(s -> s.startsAt() == null).toList());
        events.record(SessionEvents.RESCHEDULED, moved.stream().filter(s -> s.startsAt() != null).toList());
        events.record(SessionEvents.UNSCHEDULED, moved.stream().filter(s -> s.startsAt() == null).toList());
        agreement.plannedUntil(to.isBefore(from) ? from.minusDays(1) : to);
    }

    /**
     * The rule's occurrences from {@code from} to {@code to}, after those of the sessions being re-planned that fall
     * earlier but are still to come (moved later in their week) and that the rule still gives.
     */
    private static List<LocalDateTime> occurrencesToPlace(Agreement agreement, LocalDate from, LocalDate to,
            Set<LocalDateTime> replannable) {
        List<LocalDateTime> occurrences = new ArrayList<>(replannable.stream()
                .filter(occurrence -> occurrence.toLocalDate().isBefore(from))
                .filter(occurrence -> agreement.cadence().occurrences(occurrence.toLocalDate(), occurrence.toLocalDate())
                        .contains(occurrence))
                .sorted().toList());
        occurrences.addAll(agreement.cadence().occurrences(from, to));
        return occurrences;
    }

    /** A session being re-planned stays where it is (and is booked there) if that is still free. */
    private static Optional<SessionPlanner.Planned> keptInPlace(SupervisionSession existing, Duration length,
            Diaries diaries, SessionPlanner planner, LocalDateTime notBefore) {
        if (existing == null || existing.startsAt() == null) {
            return Optional.empty();
        }
        LocalDateTime current = local(existing.startsAt());
        if (planner.obstacle(current, length, diaries.supervisor(), diaries.supervisee(), notBefore).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(planner.place(existing.occurrence(), current, length, diaries.supervisor(),
                diaries.supervisee(), notBefore));
    }

    private void withdraw(List<SupervisionSession> withdrawn) {
        events.record(SessionEvents.WITHDRAWN, withdrawn);
        withdrawn.forEach(sessions::delete);
        sessions.flush();
    }

    private record Diaries(Diary supervisor, Diary supervisee) {
    }

    /**
     * Both people's diaries for a span of days: their working patterns, their days away and what they have booked
     * then, in either role (a senior LXP supervises and is supervised), except the sessions {@code leaveOut}.
     */
    private Diaries diaries(Agreement agreement, LocalDate from, LocalDate to, Set<UUID> leaveOut) {
        Supervisor supervisor = supervisors.findById(agreement.supervisorId());
        return new Diaries(diaryOf(supervisor, from, to, leaveOut),
                diaryOf(agreement.organisationCode(), agreement.superviseeStaffReference(), from, to, leaveOut));
    }

    /** A supervisor's diary for a span of days: what they are booked for in every role. */
    public Diary diaryOf(Supervisor supervisor, LocalDate from, LocalDate to) {
        return diaryOf(supervisor, from, to, Set.of());
    }

    /** A person's diary for a span of days: as supervisee, and as supervisor when they are one. */
    public Diary diaryOf(String organisation, String staffReference, LocalDate from, LocalDate to) {
        return diaryOf(organisation, staffReference, from, to, Set.of());
    }

    private Diary diaryOf(Supervisor supervisor, LocalDate from, LocalDate to, Set<UUID> leaveOut) {
        Diary diary = new Diary(supervisor.workingPattern(), supervisor.away());
        book(diary, Optional.of(supervisor.id()), supervisor.organisationCode(), supervisor.staffReference(), from, to,
                leaveOut);
        return diary;
    }

    private Diary diaryOf(String organisation, String staffReference, LocalDate from, LocalDate to, Set<UUID> leaveOut) {
        Optional<Supervisee> supervisee = supervisees.find(organisation, staffReference);
        Optional<Supervisor> asSupervisor = supervisors.find(organisation, staffReference);
        WorkingPattern pattern = supervisee.filter(Supervisee::hasOwnPattern).map(Supervisee::workingPattern)
                .or(() -> asSupervisor.map(Supervisor::workingPattern)).orElse(WorkingPattern.STANDARD);
        Diary diary = new Diary(pattern, asSupervisor.map(Supervisor::away).orElse(List.of()));
        book(diary, asSupervisor.map(Supervisor::id), organisation, staffReference, from, to, leaveOut);
        return diary;
    }

    /**
     * Books the person's sessions and reflective practice meetings in a week either side of the span (a session may
     * move within its week), except those {@code leaveOut}.
     */
    private void book(Diary diary, Optional<UUID> asSupervisor, String organisation, String staffReference,
            LocalDate from, LocalDate to, Set<UUID> leaveOut) {
        Instant windowStart = from.minusDays(8).atStartOfDay(Today.ENGLAND).toInstant();
        Instant windowEnd = to.plusDays(8).atStartOfDay(Today.ENGLAND).toInstant();
        sessions.bookedFor(asSupervisor, organisation, staffReference, windowStart, windowEnd).stream()
                .filter(session -> !leaveOut.contains(session.id()))
                .forEach(session -> diary.book(local(session.startsAt()), local(session.endsAt())));
        meetings.bookedFor(asSupervisor, organisation, staffReference, windowStart, windowEnd)
                .forEach(meeting -> diary.book(local(meeting.startsAt()), local(meeting.endsAt())));
    }

    public SessionPlanner planner() {
        return new SessionPlanner(bankHolidays.byDay(), buffer);
    }

    static Instant instant(LocalDateTime wallClock) {
        return wallClock.atZone(Today.ENGLAND).toInstant();
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Today.ENGLAND);
    }
}
