package uk.org.lxp.roles.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.OrganisationType;
import uk.org.lxp.roles.service.NewOrganisation;

@Schema(name = "OrganisationRequest", description = "An organisation to register")
public record OrganisationRequest(
        @Schema(description = "ODS code, or an own code for employers without one", example = "RXT")
        @NotBlank @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be 3 to 10 upper-case letters or digits")
        String odsCode,
        @Schema(example = "Birmingham and Solihull Mental Health NHS Foundation Trust")
        @NotBlank @Size(max = 200)
        String name,
        @Schema(example = "NHS_TRUST")
        @NotNull
        OrganisationType type,
        @Schema(description = "First day the organisation existed", example = "2022-07-01")
        @NotNull
        LocalDate validFrom,
        @Schema(description = "Last day the organisation existed, if it has closed or merged", example = "2026-03-31")
        LocalDate validTo,
        @Schema(description = "ODS code of the organisation that took it over", example = "RV3")
        @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be 3 to 10 upper-case letters or digits")
        String successorOdsCode) {

    @AssertTrue(message = "validTo must not be before validFrom")
    @Schema(hidden = true)
    public boolean isValidityOrdered() {
        return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
    }

    NewOrganisation toCommand() {
        return new NewOrganisation(odsCode, name, type, validFrom, validTo, successorOdsCode);
    }
}
