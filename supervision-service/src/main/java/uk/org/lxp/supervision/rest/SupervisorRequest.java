package uk.org.lxp.supervision.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.service.SupervisorService.NewSupervisor;

@Schema(name = "SupervisorRequest", description = "A supervisor to register; the person is named by staff reference only")
public record SupervisorRequest(
        @Schema(description = "ODS code of the employing organisation", example = "RXT")
        @NotNull @OdsCode
        String organisationCode,
        @Schema(description = "The HR system's opaque staff reference; never a name or an email", example = "E-104233")
        @NotNull @StaffReference
        String staffReference,
        @Schema(description = "Whether the supervisor is a lived experience practitioner", example = "true")
        @NotNull
        Boolean livedExperience,
        @Schema(description = "How many people they can supervise", example = "6")
        @NotNull @Min(1) @Max(50)
        Integer maxSupervisees) {

    NewSupervisor toCommand() {
        return new NewSupervisor(organisationCode, staffReference, livedExperience, maxSupervisees);
    }
}
