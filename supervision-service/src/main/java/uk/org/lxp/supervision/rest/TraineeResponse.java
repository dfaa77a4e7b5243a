package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Trainee;

@Schema(name = "Trainee", description = "A trainee's progress through the programme: mentor, modules attended, how it ended")
public record TraineeResponse(
        UUID id,
        UUID cohortId,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "T-2027-0042") String traineeReference,
        @Schema(nullable = true) UUID mentorId,
        @Schema(description = "Whether the mentor is an LXP", nullable = true) Boolean mentorIsLxp,
        @Schema(description = "The agreement under which mentoring sessions are planned", nullable = true)
        UUID mentoringAgreementId,
        Trainee.Status status,
        @Schema(nullable = true) Trainee.WithdrawalReason withdrawalReason,
        @Schema(nullable = true, example = "2027-05-21") LocalDate finishedOn,
        @Schema(description = "The post they were recruited into", nullable = true) UUID recruitedPostId,
        List<Trainee.ModuleAttendance> attendance,
        @Schema(description = "What a lead should look at: NO_MENTOR, MENTOR_NOT_AN_LXP", example = "[\"MENTOR_NOT_AN_LXP\"]")
        List<String> flags,
        int version,
        Instant enrolledAt) {

    static TraineeResponse of(Trainee trainee) {
        return new TraineeResponse(trainee.id(), trainee.cohortId(), trainee.organisationCode(),
                trainee.traineeReference(), trainee.mentorId(), trainee.mentorIsLxp(), trainee.mentoringAgreementId(),
                trainee.status(), trainee.withdrawalReason(), trainee.finishedOn(), trainee.recruitedPostId(),
                trainee.attendance(), trainee.flags(), trainee.version(), trainee.enrolledAt());
    }
}
