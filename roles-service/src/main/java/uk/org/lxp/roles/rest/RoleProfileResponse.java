package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.CompetenceDomain;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.LivedExperienceCriterion;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.SupervisionRequirement;

/** A role profile as the API shows it; the event contract ({@code RoleProfileEvents.RoleProfileState}) is separate. */
@Schema(name = "RoleProfile")
public record RoleProfileResponse(
        UUID id,
        @Schema(description = "The owning organisation; null for a national template", example = "RGD") String ownerOdsCode,
        @Schema(description = "The national template this profile was adopted from, if any") UUID templateId,
        @Schema(example = "Peer Support Worker") String title,
        RoleFamily family,
        RoleLevel level,
        LivedExperienceCriterion livedExperience,
        PayBand band,
        ContractBasis contractBasis,
        @Schema(example = "07") String staffGroupCode,
        boolean patientFacing,
        List<CompetenceDomain> competenceDomains,
        List<SupervisionRequirement> supervisionRequirements,
        RoleProfile.Status status,
        @Schema(description = "Counts every change, publication and retirement included", example = "3") int revision,
        @Schema(description = "What a reader of the catalogue should know is wrong with the profile") List<String> concerns,
        @Schema(description = "Also the ETag; send it in If-Match to change the profile") int version,
        Instant createdAt,
        Instant updatedAt) {

    static RoleProfileResponse of(RoleProfile profile) {
        RoleProfile.Content c = profile.content();
        return new RoleProfileResponse(profile.id(), profile.ownerOdsCode(), profile.templateId(), c.title(), c.family(),
                c.level(), c.livedExperience(), c.band(), c.contractBasis(), c.staffGroupCode(), c.patientFacing(),
                c.competenceDomains(), c.supervisionRequirements(), profile.status(), profile.revision(),
                profile.concerns(), profile.version(), profile.createdAt(), profile.updatedAt());
    }
}
