package uk.org.lxp.roles.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;

import uk.org.lxp.roles.CompetenceDomain;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.LivedExperienceCriterion;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.SupervisionRequirement;

@Schema(name = "RoleProfileRequest", description = "A role profile; the owner is fixed when it is created")
public record RoleProfileRequest(
        @Schema(description = "ODS code of the owning organisation; empty for a national template (lxp-admin only)", example = "RGD")
        @OdsCode
        String ownerOdsCode,
        @Schema(example = "Peer Support Worker") @NotBlank @Size(max = 200)
        String title,
        @Schema(example = "PEER_SUPPORT") @NotNull
        RoleFamily family,
        @Schema(example = "ENTRY") @NotNull
        RoleLevel level,
        @NotNull @Valid
        Criterion livedExperience,
        @Schema(example = "BAND_4") @NotNull
        PayBand band,
        @Schema(example = "PERMANENT") @NotNull
        ContractBasis contractBasis,
        @Schema(description = "NHS Data Dictionary staff group, 01 to 10", example = "07")
        @NotNull @Pattern(regexp = "0[1-9]|10", message = "must be a staff group code 01 to 10")
        String staffGroupCode,
        @Schema(description = "Whether the role has significant contact with patients or service users", example = "true")
        @NotNull
        Boolean patientFacing,
        @Size(max = 8)
        List<@NotNull CompetenceDomain> competenceDomains,
        @Size(max = 10) @Valid
        List<Supervision> supervisionRequirements) {

    @Schema(name = "LivedExperienceCriterion")
    public record Criterion(
            @Schema(description = "Whether lived experience is essential to the role", example = "true") @NotNull
            Boolean essential,
            @Schema(example = "OWN_MENTAL_HEALTH") @NotNull
            LivedExperienceCriterion.Focus focus,
            @Schema(example = "Personal lived experience of mental ill-health and of using mental health services, and the ability to draw on it purposefully")
            @NotBlank @Size(max = 2000)
            String wording) {
    }

    @Schema(name = "SupervisionRequirement")
    public record Supervision(
            @Schema(example = "LIVED_EXPERIENCE_PEER") @NotNull SupervisionRequirement.Type type,
            @Schema(description = "At least every so many days", example = "28") @NotNull @Min(1) @Max(365) Integer minimumEveryDays) {
    }

    RoleProfile.Content content() {
        return new RoleProfile.Content(title, family, level,
                new LivedExperienceCriterion(livedExperience.essential(), livedExperience.focus(), livedExperience.wording()),
                band, contractBasis, staffGroupCode, patientFacing,
                competenceDomains == null ? List.of() : competenceDomains,
                supervisionRequirements == null ? List.of() : supervisionRequirements.stream()
                        .map(s -> new SupervisionRequirement(s.type(), s.minimumEveryDays())).toList());
    }
}
