package uk.org.lxp.supervision.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.service.SupervisorService.NewSupervisor;

@Schema(name = "SupervisorRequest", description = "A supervisor to register; the person is named by staff reference only")
public record SupervisorRequest(
        @Schema(description = "ODS code of the employing organisation", example = "RXT")
        @NotBlank @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be 3 to 10 upper-case letters or digits")
        String organisationCode,
        @Schema(description = "The HR system's opaque staff reference; never a name or an email", example = "E-104233")
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, dots, dashes or underscores")
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
