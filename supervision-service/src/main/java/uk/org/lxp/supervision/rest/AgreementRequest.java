package uk.org.lxp.supervision.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.SupervisionType;
import uk.org.lxp.supervision.service.AgreementService.NewAgreement;

@Schema(name = "AgreementRequest", description = "A supervision agreement. On a change, organisation, supervisee and"
        + " supervisor must stay the same: only type, cadence and minimum standard change")
public record AgreementRequest(
        @Schema(description = "ODS code of the supervisee's organisation", example = "RGD")
        @NotNull @OdsCode
        String organisationCode,
        @Schema(description = "The supervisee's opaque staff reference (a post holder)", example = "E-100231")
        @NotNull @StaffReference
        String superviseeStaffReference,
        @Schema(description = "The supervisor's id in this service")
        @NotNull
        UUID supervisorId,
        @Schema(example = "LIVED_EXPERIENCE_PROFESSIONAL")
        @NotNull
        SupervisionType type,
        @NotNull @Valid
        CadenceBody cadence,
        @Schema(description = "At least one session held in any this many days; left out, the supervisee's role"
                + " profile's standard for the type", example = "28", nullable = true)
        @Min(1) @Max(365)
        Integer minimumEveryDays) {

    /** The command, with refusals naming fields under {@code prefix} (e.g. {@code agreements[2].}). */
    NewAgreement toCommand(String prefix) {
        return new NewAgreement(organisationCode, superviseeStaffReference, supervisorId, type,
                cadence.toCadence(prefix + "cadence"), minimumEveryDays, prefix);
    }
}
