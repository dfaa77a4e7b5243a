package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Cadence;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.Trainee;
import uk.org.lxp.supervision.TrainingCohort;
import uk.org.lxp.supervision.events.TrainingEvents;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.SupervisorRepository;
import uk.org.lxp.supervision.repository.TraineeRepository;
import uk.org.lxp.supervision.repository.TrainingCohortRepository;

/**
 * The structured training programme for new LXPs: cohorts and their curriculum, trainees enrolled by opaque reference,
 * a mentor each (preferably an LXP; flagged when not) whose weekly mentoring is planned by the same engine as
 * supervision for the weeks of the programme, attendance per module, completion or withdrawal (ending the mentoring),
 * and the post a trainee is recruited into.
 */
@ApplicationScoped
public class TrainingService {

    private final TrainingCohortRepository cohorts;
    private final TraineeRepository trainees;
    private final SupervisorRepository supervisors;
    private final PostRepository posts;
    private final AgreementService agreements;
    private final FiguresRefresh figures;
    private final TrainingEvents events;
    private final Audit audit;
    private final Clock clock;

    TrainingService(TrainingCohortRepository cohorts, TraineeRepository trainees, SupervisorRepository supervisors,
            PostRepository posts, AgreementService agreements, FiguresRefresh figures, TrainingEvents events, Audit audit,
            Clock clock) {
        this.cohorts = cohorts;
        this.trainees = trainees;
        this.supervisors = supervisors;
        this.posts = posts;
        this.agreements = agreements;
        this.figures = figures;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewCohort(String organisationCode, String name, LocalDate startDate, int weeks,
            List<TrainingCohort.Module> curriculum) {
    }

    /** When a trainee meets their mentor each week: an RFC 5545 weekly rule's day, a time and a length. */
    @Schema(name = "TraineeMentoring")
    public record Mentoring(UUID mentorId, String rule, LocalTime time, Duration duration) {
    }

    @Transactional
    public TrainingCohort create(NewCohort request) {
        TrainingCohort cohort;
        try {
            cohort = new TrainingCohort(request.organisationCode(), request.name(), request.startDate(), request.weeks(),
                    request.curriculum(), clock.instant());
        } catch (IllegalArgumentException refused) {
            throw RuleBroken.at("modules", refused.getMessage());
        }
        cohorts.persistAndFlush(cohort);
        events.record(cohort);
        audit.record("training-cohort.created", "training-cohort", cohort.id().toString(), request);
        return cohort;
    }

    /**
     * Enrols someone by opaque reference, with their mentor when one is named already; a finished cohort takes
     * trainees too (a trust moving its records in), without mentoring.
     */
    @Transactional
    public Trainee enrol(UUID cohortId, String traineeReference, Mentoring mentoring,
            Consumer<TrainingCohort> mayChange) {
        TrainingCohort cohort = load(cohortId);
        mayChange.accept(cohort);
        if (trainees.find(cohortId, traineeReference).isPresent()) {
            throw new Conflict("Trainee " + traineeReference + " is enrolled on this cohort already");
        }
        Trainee trainee = new Trainee(cohort, traineeReference, clock.instant());
        trainees.persistAndFlush(trainee);
        events.record(TrainingEvents.TRAINEE_ENROLLED, trainee);
        audit.record("trainee.enrolled", "trainee", trainee.id().toString(), Map.of("cohort", cohortId.toString()));
        if (mentoring != null) {
            assignMentor(cohort, trainee, mentoring);
        }
        figures.request(cohort.organisationCode());
        return trainee;
    }

    /** A mentor for a trainee; a previous mentor's sessions still to come are withdrawn. */
    @Transactional
    public Trainee mentor(UUID cohortId, UUID traineeId, String ifMatch, Mentoring mentoring,
            Consumer<TrainingCohort> mayChange) {
        Changing changing = changing(cohortId, traineeId, ifMatch, mayChange);
        TrainingCohort cohort = changing.cohort();
        Trainee trainee = changing.trainee();
        requireEnrolled(trainee);
        if (trainee.mentoringAgreementId() != null) {
            agreements.endMade(trainee.mentoringAgreementId(), Today.in(clock).minusDays(1));
        }
        assignMentor(cohort, trainee, mentoring);
        return trainee;
    }

    /** Attendance of modules whose planned week has begun. */
    @Transactional
    public Trainee attendance(UUID cohortId, UUID traineeId, String ifMatch, Map<Integer, Boolean> attended,
            Consumer<TrainingCohort> mayChange) {
        Changing changing = changing(cohortId, traineeId, ifMatch, mayChange);
        TrainingCohort cohort = changing.cohort();
        Trainee trainee = changing.trainee();
        requireEnrolled(trainee);
        LocalDate today = Today.in(clock);
        attended.forEach((position, came) -> {
            TrainingCohort.Module module = cohort.module(position).orElseThrow(() ->
                    UnknownReference.inBody("modules", "The curriculum has no module " + position));
            if (!cohort.hasBegun(module, today)) {
                throw RuleBroken.at("modules", "Module " + position + " (" + module.name() + ") is planned for week "
                        + module.plannedWeek() + ", which has not begun");
            }
            trainee.attended(module, came, clock.instant());
        });
        trainees.flush();
        events.record(TrainingEvents.TRAINEE_ATTENDED, trainee);
        return trainee;
    }

    /** Completion, from the programme's last week; the mentoring ends. */
    @Transactional
    public Trainee complete(UUID cohortId, UUID traineeId, String ifMatch, Consumer<TrainingCohort> mayChange) {
        Changing changing = changing(cohortId, traineeId, ifMatch, mayChange);
        TrainingCohort cohort = changing.cohort();
        Trainee trainee = changing.trainee();
        LocalDate today = Today.in(clock);
        if (!cohort.inLastWeekOrAfter(today)) {
            throw RuleBroken.at("(body)", "Completion is recorded from the programme's last week, which begins on "
                    + cohort.startDate().plusWeeks(cohort.weeks() - 1L));
        }
        return finish(trainee, TrainingEvents.TRAINEE_COMPLETED, () -> trainee.complete(today, clock.instant()));
    }

    /** Withdrawal with a reason category; the mentoring ends. */
    @Transactional
    public Trainee withdraw(UUID cohortId, UUID traineeId, String ifMatch, Trainee.WithdrawalReason reason,
            Consumer<TrainingCohort> mayChange) {
        Trainee trainee = changing(cohortId, traineeId, ifMatch, mayChange).trainee();
        return finish(trainee, TrainingEvents.TRAINEE_WITHDRAWN,
                () -> trainee.withdraw(reason, Today.in(clock), clock.instant()));
    }

    /** The post of the organisation (as roles-service published it) the trainee was recruited into. */
    @Transactional
    public Trainee recruited(UUID cohortId, UUID traineeId, String ifMatch, UUID postId,
            Consumer<TrainingCohort> mayChange) {
        Changing changing = changing(cohortId, traineeId, ifMatch, mayChange);
        TrainingCohort cohort = changing.cohort();
        Trainee trainee = changing.trainee();
        posts.findByIdOptional(postId).filter(post -> post.organisationCode().equals(cohort.organisationCode()))
                .orElseThrow(() -> UnknownReference.inBody("postId", "No post of " + cohort.organisationCode()
                        + " has id " + postId));
        trainee.recruitedInto(postId, clock.instant());
        trainees.flush();
        events.record(TrainingEvents.TRAINEE_RECRUITED, trainee);
        audit.record("trainee.recruited", "trainee", traineeId.toString(), Map.of("postId", postId.toString()));
        return trainee;
    }

    /** A trainee to change, and their cohort: the caller may change the cohort's and has seen the trainee's version. */
    private record Changing(TrainingCohort cohort, Trainee trainee) {
    }

    private Changing changing(UUID cohortId, UUID traineeId, String ifMatch, Consumer<TrainingCohort> mayChange) {
        TrainingCohort cohort = load(cohortId);
        mayChange.accept(cohort);
        Trainee trainee = trainee(cohortId, traineeId);
        ETags.requireMatch(ifMatch, trainee.version());
        return new Changing(cohort, trainee);
    }

    public TrainingCohort load(UUID id) {
        return cohorts.findByIdOptional(id).orElseThrow(() -> NotFound.of("training cohort", id));
    }

    public Trainee trainee(UUID cohortId, UUID traineeId) {
        return trainees.findByIdOptional(traineeId).filter(trainee -> trainee.cohortId().equals(cohortId))
                .orElseThrow(() -> NotFound.of("trainee of training cohort " + cohortId, traineeId));
    }

    /**
     * The mentor's weekly sessions as a MENTORING agreement, from the programme's start (past sessions too, to be
     * recorded) for a first mentor, from today for a new one once the programme has begun, to the programme's last
     * day: a mentor of the cohort's organisation.
     */
    private void assignMentor(TrainingCohort cohort, Trainee trainee, Mentoring mentoring) {
        Supervisor mentor = supervisors.findByIdOptional(mentoring.mentorId())
                .orElseThrow(() -> UnknownReference.inBody("mentorId", "No supervisor with id " + mentoring.mentorId()));
        if (!mentor.organisationCode().equals(cohort.organisationCode())) {
            throw RuleBroken.at("mentorId", "The mentor works for " + mentor.organisationCode() + ", not "
                    + cohort.organisationCode());
        }
        LocalDate today = Today.in(clock);
        if (cohort.status(today) == TrainingCohort.Status.FINISHED) {
            throw RuleBroken.at("mentoring", "The programme finished on " + cohort.lastDay() + ": no mentoring to plan");
        }
        LocalDate firstDay = trainee.mentoringAgreementId() == null || cohort.startDate().isAfter(today)
                ? cohort.startDate() : today;
        Cadence cadence;
        try {
            cadence = new Cadence(mentoring.rule(), firstDay, mentoring.time(), mentoring.duration(), cohort.lastDay());
        } catch (IllegalArgumentException refused) {
            throw InvalidRequest.inBody("mentoring", refused.getMessage());
        }
        Agreement agreement = agreements.mentoring(cohort.organisationCode(), trainee.traineeReference(), mentor, cadence);
        trainee.mentoredBy(mentor, agreement.id(), clock.instant());
        trainees.flush();
        events.record(TrainingEvents.TRAINEE_MENTORED, trainee);
        audit.record("trainee.mentor-assigned", "trainee", trainee.id().toString(),
                Map.of("mentorId", mentor.id().toString()));
    }

    private Trainee finish(Trainee trainee, String event, Runnable finishing) {
        requireEnrolled(trainee);
        finishing.run();
        trainees.flush();
        if (trainee.mentoringAgreementId() != null) {
            agreements.endMade(trainee.mentoringAgreementId(), trainee.finishedOn());
        }
        events.record(event, trainee);
        audit.record(event.substring(event.lastIndexOf('.') + 1), "trainee", trainee.id().toString(),
                Map.of("status", trainee.status().name()));
        figures.request(trainee.organisationCode());
        return trainee;
    }

    private static void requireEnrolled(Trainee trainee) {
        try {
            trainee.requireEnrolled();
        } catch (IllegalStateException finished) {
            throw new Conflict(finished.getMessage());
        }
    }
}
