package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Today;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.SessionStatus;

@Schema(name = "GroupMeeting", description = "One meeting of a reflective practice group: when, what became of it, who came")
public record MeetingResponse(
        UUID id,
        UUID groupId,
        @Schema(example = "RGD") String organisationCode,
        @Schema(description = "The wall-clock start the group's rule gives, Europe/London", example = "2027-03-31T13:00:00")
        LocalDateTime occurrence,
        @Schema(description = "Where it was placed, UTC; null while unscheduled", nullable = true, example = "2027-03-31T12:00:00Z")
        Instant startsAt,
        @Schema(nullable = true, example = "2027-03-31T13:30:00Z") Instant endsAt,
        @Schema(description = "startsAt as wall-clock time in England", nullable = true, example = "2027-03-31T13:00:00")
        LocalDateTime localStart,
        SessionStatus status,
        @Schema(description = "Why it was not placed at its usual time, or could not be placed", nullable = true)
        String placementNote,
        @Schema(nullable = true) Cancellation.By cancelledBy,
        @Schema(nullable = true) Cancellation.Reason cancellationReason,
        @Schema(description = "For a held meeting: each member, and whether they came") List<GroupSession.Attendance> attendance,
        int version) {

    static MeetingResponse of(GroupSession meeting) {
        return new MeetingResponse(meeting.id(), meeting.groupId(), meeting.organisationCode(), meeting.occurrence(),
                meeting.startsAt(), meeting.endsAt(),
                meeting.startsAt() == null ? null : LocalDateTime.ofInstant(meeting.startsAt(), Today.ENGLAND),
                meeting.status(), meeting.placementNote(), meeting.cancelledBy(), meeting.cancellationReason(),
                meeting.attendance(), meeting.version());
    }
}
