package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Cadence;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.Diary;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.ReflectiveGroup;
import uk.org.lxp.supervision.SessionPlanner;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.events.ReflectiveGroupEvents;
import uk.org.lxp.supervision.repository.GroupSessionRepository;
import uk.org.lxp.supervision.repository.ReflectiveGroupRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;

/**
 * Reflective practice groups: formed with a facilitator and members, their meetings planned over the same rolling
 * horizon by the same planner as agreements (at a time the facilitator and every member can meet, clear of their
 * other sessions), planned again when the members change, and their attendance recorded.
 */
@ApplicationScoped
public class ReflectiveGroupService {

    private static final Logger LOG = Logger.getLogger(ReflectiveGroupService.class);
    private static final LocalDateTime ANY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final ReflectiveGroupRepository groups;
    private final GroupSessionRepository meetings;
    private final SupervisorRepository supervisors;
    private final SessionPlanning planning;
    private final ComplianceService compliance;
    private final ReflectiveGroupEvents events;
    private final Audit audit;
    private final Clock clock;

    ReflectiveGroupService(ReflectiveGroupRepository groups, GroupSessionRepository meetings,
            SupervisorRepository supervisors, SessionPlanning planning, ComplianceService compliance,
            ReflectiveGroupEvents events, Audit audit, Clock clock) {
        this.groups = groups;
        this.meetings = meetings;
        this.supervisors = supervisors;
        this.planning = planning;
        this.compliance = compliance;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewGroup(String organisationCode, String name, UUID facilitatorId, Cadence cadence,
            Set<String> members) {
    }

    /** What became of a meeting: held with who attended, or cancelled by whom and why. */
    public record MeetingOutcome(SessionStatus status, Set<String> attended, Cancellation cancellation) {

        public MeetingOutcome {
            boolean held = status == SessionStatus.HELD;
            if (!held && status != SessionStatus.CANCELLED || held == (cancellation != null)) {
                throw new IllegalArgumentException("A meeting is recorded as HELD with who attended, or CANCELLED with"
                        + " who cancelled and why");
            }
        }
    }

    @Transactional
    public ReflectiveGroup form(NewGroup request) {
        Supervisor facilitator = supervisors.findByIdOptional(request.facilitatorId())
                .filter(supervisor -> supervisor.organisationCode().equals(request.organisationCode()))
                .orElseThrow(() -> UnknownReference.inBody("facilitatorId", "No supervisor of " + request.organisationCode()
                        + " has id " + request.facilitatorId()));
        ReflectiveGroup group;
        try {
            group = new ReflectiveGroup(request.organisationCode(), request.name(), facilitator, request.cadence(),
                    request.members(), Today.in(clock), clock.instant());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("members", refused.getMessage());
        }
        groups.persistAndFlush(group);
        LocalDate yearAgo = Today.in(clock).minusYears(1);
        LocalDate firstDay = request.cadence().firstDay();
        plan(group, firstDay.isBefore(yearAgo) ? yearAgo : firstDay, ANY_TIME);
        events.record(ReflectiveGroupEvents.FORMED, group);
        audit.record("reflective-group.formed", "reflective-group", group.id().toString(), request);
        compliance.reviewPeople(group.organisationCode(), group.memberReferences());
        return group;
    }

    /** New members, if the caller has seen the current version; the meetings still to come are planned again. */
    @Transactional
    public ReflectiveGroup changeMembers(UUID id, String ifMatch, Set<String> members,
            Consumer<ReflectiveGroup> mayChange) {
        ReflectiveGroup group = load(id);
        mayChange.accept(group);
        ETags.requireMatch(ifMatch, group.version());
        List<String> before = group.memberReferences();
        boolean changed;
        try {
            changed = group.changeMembers(members, Today.in(clock), clock.instant());
        } catch (IllegalStateException ended) {
            throw new Conflict(ended.getMessage());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("members", refused.getMessage());
        }
        if (changed) {
            groups.flush();
            replanFuture(group);
            events.record(ReflectiveGroupEvents.CHANGED, group);
            audit.record("reflective-group.members-changed", "reflective-group", id.toString(), members);
            Set<String> touched = new TreeSet<>(before);
            touched.addAll(members);
            compliance.reviewPeople(group.organisationCode(), touched);
        }
        return group;
    }

    @Transactional
    public ReflectiveGroup end(UUID id, String ifMatch, LocalDate lastDay,
            Consumer<ReflectiveGroup> mayChange) {
        ReflectiveGroup group = load(id);
        mayChange.accept(group);
        ETags.requireMatch(ifMatch, group.version());
        try {
            group.end(lastDay, clock.instant());
        } catch (IllegalStateException ended) {
            throw new Conflict(ended.getMessage());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("lastDay", refused.getMessage());
        }
        groups.flush();
        // Meetings after the last day go, unless something was recorded of them.
        meetings.ofGroup(id).stream().filter(meeting -> !meeting.status().isFinal())
                .filter(meeting -> meeting.occurrence().toLocalDate().isAfter(lastDay)).forEach(meetings::delete);
        events.record(ReflectiveGroupEvents.ENDED, group);
        audit.record("reflective-group.ended", "reflective-group", id.toString(), Map.of("lastDay", lastDay.toString()));
        compliance.reviewPeople(group.organisationCode(), group.memberReferences());
        return group;
    }

    /** Records what became of a meeting; attendance names members only, and the rest are recorded as absent. */
    @Transactional
    public GroupSession record(UUID groupId, UUID meetingId, String ifMatch, MeetingOutcome outcome,
            Consumer<ReflectiveGroup> mayChange) {
        ReflectiveGroup group = load(groupId);
        mayChange.accept(group);
        GroupSession meeting = meetings.findByIdOptional(meetingId).filter(m -> m.groupId().equals(groupId))
                .orElseThrow(() -> NotFound.of("meeting of reflective practice group " + groupId, meetingId));
        ETags.requireMatch(ifMatch, meeting.version());
        Instant now = clock.instant();
        try {
            if (outcome.status() == SessionStatus.HELD) {
                meeting.held(attendance(group, outcome.attended()), now);
            } else {
                meeting.cancel(outcome.cancellation(), now);
            }
        } catch (IllegalStateException recorded) {
            throw new Conflict(recorded.getMessage());
        } catch (IllegalArgumentException tooEarly) {
            throw RuleBroken.at("status", tooEarly.getMessage());
        }
        meetings.flush();
        events.recordMeeting(outcome.status() == SessionStatus.HELD ? ReflectiveGroupEvents.MEETING_HELD
                : ReflectiveGroupEvents.MEETING_CANCELLED, meeting);
        audit.record("reflective-group.meeting-" + outcome.status().name().toLowerCase(), "group-session",
                meetingId.toString(), outcome);
        compliance.afterGroupMeeting(meeting, group.memberReferences());
        return meeting;
    }

    private static List<GroupSession.Attendance> attendance(ReflectiveGroup group, Set<String> attended) {
        try {
            return group.attendance(attended);
        } catch (IllegalArgumentException stranger) {
            throw RuleBroken.at("attended", stranger.getMessage());
        }
    }

    public ReflectiveGroup load(UUID id) {
        return groups.findByIdOptional(id).orElseThrow(() -> NotFound.of("reflective practice group", id));
    }

    /** Every active group's meetings planned up to the horizon, a group per transaction. */
    void extendHorizon() {
        for (ReflectiveGroup group : QuarkusTransaction.requiringNew().call(() -> groups.plannedShortOf(planning.horizon()))) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ReflectiveGroup current = groups.findById(group.id());
                    plan(current, current.plannedUntil() == null ? current.cadence().firstDay()
                            : current.plannedUntil().plusDays(1), LocalDateTime.ofInstant(clock.instant(), Today.ENGLAND));
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not plan the meetings of reflective practice group %s ahead; tried again tomorrow",
                        group.id());
            }
        }
    }

    private void replanFuture(ReflectiveGroup group) {
        Instant now = clock.instant();
        meetings.ofGroup(group.id()).stream().filter(meeting -> meeting.isStillToCome(now)).forEach(meetings::delete);
        meetings.flush();
        LocalDate today = Today.in(clock);
        plan(group, group.cadence().firstDay().isAfter(today) ? group.cadence().firstDay() : today,
                LocalDateTime.ofInstant(now, Today.ENGLAND));
    }

    /**
     * Places each occurrence from {@code from} to the horizon (or the last day) that has no meeting yet, where the
     * facilitator and all the members are free together, none before {@code notBefore}; a group whose members share
     * no working time is refused. A new group gets its meetings of up to a year back too, to record attendance.
     */
    private void plan(ReflectiveGroup group, LocalDate from, LocalDateTime notBefore) {
        Cadence cadence = group.cadence();
        LocalDate horizon = planning.horizon();
        LocalDate to = cadence.lastDay() != null && cadence.lastDay().isBefore(horizon) ? cadence.lastDay() : horizon;
        Supervisor facilitator = supervisors.findById(group.facilitatorId());
        Diary facilitatorDiary = planning.diaryOf(facilitator, from, to);
        Diary together;
        try {
            together = Diary.shared(group.memberReferences().stream()
                    .map(member -> planning.diaryOf(group.organisationCode(), member, from, to)).toList());
        } catch (IllegalArgumentException noCommonTime) {
            throw RuleBroken.at("members", noCommonTime.getMessage());
        }
        Set<LocalDateTime> planned = meetings.ofGroup(group.id()).stream().map(GroupSession::occurrence)
                .collect(Collectors.toSet());
        SessionPlanner planner = planning.planner();
        Duration length = cadence.duration();
        Instant now = clock.instant();
        List<GroupSession> placed = new ArrayList<>();
        for (LocalDateTime occurrence : cadence.occurrences(from, to)) {
            if (planned.contains(occurrence)) {
                continue;
            }
            SessionPlanner.Planned placement = planner.place(occurrence, occurrence, length, facilitatorDiary, together,
                    notBefore);
            Instant start = placement.start().map(SessionPlanning::instant).orElse(null);
            placed.add(new GroupSession(group, occurrence, start, start == null ? null : start.plus(length),
                    placement.reason(), now));
        }
        meetings.persist(placed);
        group.plannedUntil(to.isBefore(from) ? from.minusDays(1) : to);
    }
}
