package uk.org.lxp.supervision.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Trainee;
import uk.org.lxp.supervision.TrainingCohort;

/**
 * The training programme: cohorts and their trainees' progress, keyed by cohort id so a cohort's events stay in order.
 * An internal topic (trainees' opaque references); a withdrawal carries a reason category only.
 */
@ApplicationScoped
public class TrainingEvents {

    public static final String TOPIC = "lxp.supervision.training-cohort.v1";
    public static final String COHORT_CREATED = "lxp.supervision.TrainingCohortCreated";
    public static final String TRAINEE_ENROLLED = "lxp.supervision.TraineeEnrolled";
    public static final String TRAINEE_MENTORED = "lxp.supervision.TraineeMentorAssigned";
    public static final String TRAINEE_ATTENDED = "lxp.supervision.TraineeAttendanceRecorded";
    public static final String TRAINEE_COMPLETED = "lxp.supervision.TraineeCompleted";
    public static final String TRAINEE_WITHDRAWN = "lxp.supervision.TraineeWithdrawn";
    public static final String TRAINEE_RECRUITED = "lxp.supervision.TraineeRecruited";

    private final Outbox outbox;

    TrainingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record CohortState(UUID id, String organisationCode, String name, LocalDate startDate, int weeks,
            List<TrainingCohort.Module> modules, int version) {

        static CohortState of(TrainingCohort cohort) {
            return new CohortState(cohort.id(), cohort.organisationCode(), cohort.name(), cohort.startDate(),
                    cohort.weeks(), cohort.modules(), cohort.version());
        }
    }

    public record TraineeState(UUID id, UUID cohortId, String organisationCode, String traineeReference, UUID mentorId,
            Boolean mentorIsLxp, UUID mentoringAgreementId, Trainee.Status status,
            Trainee.WithdrawalReason withdrawalReason, LocalDate finishedOn, UUID recruitedPostId,
            List<Trainee.ModuleAttendance> attendance, int version, Instant updatedAt) {

        static TraineeState of(Trainee trainee) {
            return new TraineeState(trainee.id(), trainee.cohortId(), trainee.organisationCode(),
                    trainee.traineeReference(), trainee.mentorId(), trainee.mentorIsLxp(), trainee.mentoringAgreementId(),
                    trainee.status(), trainee.withdrawalReason(), trainee.finishedOn(), trainee.recruitedPostId(),
                    trainee.attendance(), trainee.version(), trainee.updatedAt());
        }
    }

    public void record(TrainingCohort cohort) {
        outbox.record(new OutboxEvent("training-cohort", cohort.id().toString(), COHORT_CREATED, TOPIC,
                CohortState.of(cohort)));
    }

    public void record(String type, Trainee trainee) {
        outbox.record(new OutboxEvent("training-cohort", trainee.cohortId().toString(), type, TOPIC,
                TraineeState.of(trainee)));
    }
}
