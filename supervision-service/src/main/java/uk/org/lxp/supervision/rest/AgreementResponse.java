package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Compliance;
import uk.org.lxp.supervision.SupervisionType;

@Schema(name = "Agreement")
public record AgreementResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "E-100231") String superviseeStaffReference,
        UUID supervisorId,
        @Schema(example = "E-104233") String supervisorStaffReference,
        SupervisionType type,
        CadenceBody cadence,
        @Schema(description = "At least one session held in any this many days", example = "28") int minimumEveryDays,
        Agreement.Status status,
        @Schema(description = "OVERDUE once the minimum standard is broken; COMPLIANT again when a session is held")
        Compliance.Standing standing,
        @Schema(description = "Since when it stands so", nullable = true, example = "2026-11-20") LocalDate standingSince,
        @Schema(description = "The last day a session counted as held", nullable = true, example = "2026-10-23")
        LocalDate lastHeldOn,
        @Schema(description = "Sessions are planned up to this day", nullable = true) LocalDate plannedUntil,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static AgreementResponse of(Agreement agreement) {
        return new AgreementResponse(agreement.id(), agreement.organisationCode(), agreement.superviseeStaffReference(),
                agreement.supervisorId(), agreement.supervisorStaffReference(), agreement.type(),
                CadenceBody.of(agreement.cadence()), agreement.minimumEveryDays(), agreement.status(),
                agreement.standing(), agreement.standingSince(), agreement.lastHeldOn(),
                agreement.plannedUntil(), agreement.version(), agreement.createdAt(), agreement.updatedAt());
    }
}
