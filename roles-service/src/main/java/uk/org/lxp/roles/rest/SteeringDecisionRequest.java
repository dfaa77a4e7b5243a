package uk.org.lxp.roles.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.MemberPerspective;
import uk.org.lxp.roles.SteeringDecision;
import uk.org.lxp.roles.service.RoleProfileService;

@Schema(name = "SteeringDecisionRequest", description = "A steering group's decision on the profile at its current revision")
public record SteeringDecisionRequest(
        @NotNull UUID steeringGroupId,
        @Schema(example = "2026-11-18") @NotNull LocalDate meetingOn,
        @Schema(description = "PUBLISH a draft, materially REVISE or RETIRE a published profile", example = "PUBLISH")
        @NotNull SteeringDecision.Matter matter,
        @Schema(example = "APPROVED") @NotNull SteeringDecision.Verdict outcome,
        @Schema(description = "Opaque references of the members present; the meeting must meet the group's quorum",
                example = "[\"SG-RGD-01\", \"SG-RGD-02\", \"SG-RGD-03\", \"SG-RGD-05\"]")
        @NotEmpty @Size(max = 60) List<@NotNull @Pattern(regexp = SteeringGroupRequest.MEMBER_REF,
                message = "must be an opaque reference of 1 to 40 letters, digits and hyphens") String> present,
        @Schema(description = "How the members present of each perspective voted; the counts of a perspective add up"
                + " to its members present")
        @NotEmpty @Size(max = 5) @Valid List<VoteRequest> votes,
        @Schema(example = "The readiness answers reflect the workshops; the team is ready to embed the role with peer"
                + " supervision from the lived experience lead.")
        @NotBlank @Size(max = 2000) String rationale) {

    @Schema(name = "SteeringDecisionVote")
    public record VoteRequest(
            @Schema(example = "PERSON_WHO_USES_SERVICES") @NotNull MemberPerspective perspective,
            @Schema(example = "2") @NotNull @Min(0) @Max(60) Integer inFavour,
            @Schema(example = "0") @NotNull @Min(0) @Max(60) Integer against,
            @Schema(example = "0") @NotNull @Min(0) @Max(60) Integer abstained) {
    }

    RoleProfileService.DecisionTaken taken() {
        return new RoleProfileService.DecisionTaken(steeringGroupId, meetingOn, matter, outcome, present,
                votes.stream().map(v -> new SteeringDecision.Vote(v.perspective(), v.inFavour(), v.against(), v.abstained()))
                        .toList(), rationale);
    }
}
