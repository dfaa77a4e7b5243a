package uk.org.lxp.roles.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;

import uk.org.lxp.roles.IcbMembership;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

@Schema(name = "OrganisationRequest", description = "An organisation: everything but its ODS code may change later")
public record OrganisationRequest(
        @Schema(description = "ODS code, or an own code for employers without one; ignored on update", example = "RGD")
        @OdsCode
        String odsCode,
        @Schema(example = "Leeds and York Partnership NHS Foundation Trust")
        @NotBlank @Size(max = 200)
        String name,
        @Schema(example = "NHS_TRUST")
        @NotNull
        OrganisationType type,
        @Schema(description = "ONS GSS code, for ICBs", example = "E54000054")
        @Pattern(regexp = "E\\d{8}", message = "must be a GSS code like E54000054")
        String gssCode,
        @Schema(description = "First day the organisation existed, if known", example = "2007-04-01")
        LocalDate validFrom,
        @Schema(description = "Last day the organisation existed, if it has closed or merged", example = "2024-10-31")
        LocalDate validTo,
        @Schema(description = "ODS code of the organisation that took it over", example = "TAF")
        @OdsCode
        String successorOdsCode,
        @Schema(description = "ICB memberships over time; at most one at any day")
        @Valid @Size(max = 20)
        List<Membership> icbMemberships) {

    @Schema(name = "IcbMembership")
    public record Membership(
            @Schema(example = "QWO") @NotNull @OdsCode
            String icbOdsCode,
            @Schema(example = "2022-07-01") @NotNull
            LocalDate validFrom,
            @Schema(example = "2026-03-31")
            LocalDate validTo) {

        @AssertTrue(message = "validTo must not be before validFrom")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isOrdered() {
            return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
        }
    }

    @AssertTrue(message = "validTo must not be before validFrom")
    @Schema(hidden = true)
    @JsonIgnore
    public boolean isValidityOrdered() {
        return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
    }

    Organisation.Details details() {
        List<IcbMembership> memberships = icbMemberships == null ? List.of() : icbMemberships.stream()
                .map(m -> new IcbMembership(m.icbOdsCode(), m.validFrom(), m.validTo()))
                .toList();
        return new Organisation.Details(name, type, gssCode, validFrom, validTo, successorOdsCode, memberships);
    }
}
