package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.CompetenceDomain;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.DecisionSummary;
import uk.org.lxp.roles.JobEvaluation;
import uk.org.lxp.roles.LivedExperienceCriterion;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.Readiness;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleReview;
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
        @Schema(description = "The current job evaluation against the NHS Job Evaluation Scheme: the 16 factor ratings,"
                + " the panel's make-up, the job weight (a range when a factor was given a range of levels) and the bands"
                + " it evidences; null while the role has none. Earlier evaluations are in the revisions.", nullable = true)
        JobEvaluation jobEvaluation,
        @Schema(description = "How far the questions to settle before the role is created are settled: each national"
                + " topic and each of the owner's own, answered with a perspective of people who use services or carers"
                + " and one of the provider; null on revisions recorded before readiness was kept", nullable = true)
        Readiness readiness,
        @Schema(description = "The steering group's decisions on this profile, oldest first; those present as a count"
                + " per perspective, never by reference")
        List<DecisionSummary> steeringDecisions,
        @Schema(description = "The role's regular reviews, oldest first") List<RoleReview> reviews,
        @Schema(description = "When the published role is next due a review: the organisation's interval after its"
                + " publication or its latest review; null for drafts, national templates and retired roles", nullable = true, example = "2027-12-04") LocalDate reviewDue,
        @Schema(description = "The day after the review fell due, when it is overdue; null otherwise", nullable = true,
                example = "2027-12-05") LocalDate reviewOverdueSince,
        @Schema(description = "Also the ETag; send it in If-Match to change the profile") int version,
        Instant createdAt,
        Instant updatedAt) {

    static RoleProfileResponse of(RoleProfile profile, Readiness readiness) {
        RoleProfile.Content c = profile.content();
        return new RoleProfileResponse(profile.id(), profile.ownerOdsCode(), profile.templateId(), c.title(), c.family(),
                c.level(), c.livedExperience(), c.band(), c.contractBasis(), c.staffGroupCode(), c.patientFacing(),
                c.competenceDomains(), c.supervisionRequirements(), profile.status(), profile.revision(),
                profile.concerns(), profile.jobEvaluation(), readiness, profile.decisions(), profile.reviews(), profile.reviewDue(),
                profile.reviewOverdueSince(), profile.version(), profile.createdAt(), profile.updatedAt());
    }
}
