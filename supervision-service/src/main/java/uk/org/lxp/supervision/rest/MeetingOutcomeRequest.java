package uk.org.lxp.supervision.rest;

import java.util.List;
import java.util.TreeSet;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.ReflectiveGroup;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.service.ReflectiveGroupService.MeetingOutcome;

@Schema(name = "MeetingOutcome", description = "What became of a group meeting: held, with the members who attended (the"
        + " rest are recorded absent), or cancelled. Attendance only: nothing said is accepted (an unknown field is refused)")
public record MeetingOutcomeRequest(
        @Schema(example = "HELD") @NotNull Recorded status,
        @Schema(description = "For a held meeting: the members who attended", nullable = true,
                example = "[\"E-100231\", \"E-100232\"]")
        @Size(max = ReflectiveGroup.MAX_MEMBERS) List<@NotNull @StaffReference String> attended,
        @Schema(description = "Who cancelled, for a cancelled meeting", nullable = true, example = "SERVICE")
        Cancellation.By cancelledBy,
        @Schema(description = "Why, for a cancelled meeting", nullable = true, example = "STAFFING")
        Cancellation.Reason cancellationReason) {

    /** The outcomes a client records; a meeting nobody records becomes MISSED after the grace period. */
    @Schema(name = "MeetingOutcomeRecorded")
    public enum Recorded {
        HELD, CANCELLED
    }

    /** The outcome, or a 400 naming the field that does not belong with the status, or is missing for it. */
    MeetingOutcome toOutcome() {
        if (status == Recorded.HELD && cancelledBy != null) {
            throw InvalidRequest.inBody("cancelledBy", "is given for a cancelled meeting only");
        }
        if (status == Recorded.HELD && cancellationReason != null) {
            throw InvalidRequest.inBody("cancellationReason", "is given for a cancelled meeting only");
        }
        if (status == Recorded.CANCELLED && attended != null) {
            throw InvalidRequest.inBody("attended", "is recorded for a held meeting only");
        }
        if (status == Recorded.CANCELLED && cancelledBy == null) {
            throw InvalidRequest.inBody("cancelledBy", "is required for a cancelled meeting");
        }
        if (status == Recorded.CANCELLED && cancellationReason == null) {
            throw InvalidRequest.inBody("cancellationReason", "is required for a cancelled meeting");
        }
        Cancellation cancellation = status == Recorded.CANCELLED ? new Cancellation(cancelledBy, cancellationReason) : null;
        return new MeetingOutcome(SessionStatus.valueOf(status.name()),
                attended == null ? new TreeSet<>() : new TreeSet<>(attended), cancellation);
    }
}
