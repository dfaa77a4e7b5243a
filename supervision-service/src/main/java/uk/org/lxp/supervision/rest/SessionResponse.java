package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Today;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.SupervisionType;

@Schema(name = "Session", description = "One meeting of an agreement: when, and what became of it. Never what was discussed")
public record SessionResponse(
        UUID id,
        UUID agreementId,
        @Schema(example = "RGD") String organisationCode,
        UUID supervisorId,
        @Schema(example = "E-104233") String supervisorStaffReference,
        @Schema(example = "E-100231") String superviseeStaffReference,
        SupervisionType type,
        @Schema(description = "The wall-clock start the agreement's rule gives, Europe/London: the session's place in its series",
                example = "2027-03-30T14:00:00")
        LocalDateTime occurrence,
        @Schema(description = "Where it was placed, UTC; null while unscheduled", nullable = true, example = "2027-03-30T13:00:00Z")
        Instant startsAt,
        @Schema(nullable = true, example = "2027-03-30T14:00:00Z")
        Instant endsAt,
        @Schema(description = "startsAt as wall-clock time in England", nullable = true, example = "2027-03-30T14:00:00")
        LocalDateTime localStart,
        SessionStatus status,
        @Schema(description = "Why it was not placed at its usual time, or why it could not be placed", nullable = true,
                example = "2027-04-06 is a bank holiday (Easter Monday)")
        String placementNote,
        @Schema(nullable = true) Cancellation.By cancelledBy,
        @Schema(nullable = true) Cancellation.Reason cancellationReason,
        @Schema(description = "For a held session: whether the supervisee attended", nullable = true) Boolean attended,
        @Schema(description = "Rises with every change a calendar shows (RFC 5545 SEQUENCE)") int sequence,
        int version,
        Instant updatedAt) {

    static SessionResponse of(SupervisionSession session) {
        return new SessionResponse(session.id(), session.agreementId(), session.organisationCode(),
                session.supervisorId(), session.supervisorStaffReference(), session.superviseeStaffReference(),
                session.type(), session.occurrence(), session.startsAt(), session.endsAt(),
                session.startsAt() == null ? null : LocalDateTime.ofInstant(session.startsAt(), Today.ENGLAND),
                session.status(), session.placementNote(), session.cancelledBy(), session.cancellationReason(),
                session.attended(), session.sequence(), session.version(), session.updatedAt());
    }
}
