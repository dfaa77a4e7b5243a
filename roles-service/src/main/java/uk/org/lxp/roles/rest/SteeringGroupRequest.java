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
import uk.org.lxp.roles.MemberPerspective;
import uk.org.lxp.roles.Quorum;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.SteeringGroupMember;

@Schema(name = "SteeringGroupRequest", description = "A co-produced steering group; the owner is fixed when it is created")
public record SteeringGroupRequest(
        @Schema(description = "The organisation, or the ICB for system-wide profiles; ignored on change", example = "RGD")
        @OdsCode String ownerOdsCode,
        @Schema(example = "Lived Experience Roles Steering Group") @NotBlank @Size(max = 200) String name,
        @NotNull @Valid QuorumRequest quorum,
        @Schema(description = "Members by opaque reference and perspective; never a name")
        @NotNull @Size(max = SteeringGroup.MOST_MEMBERS) @Valid List<@NotNull MemberRequest> members) {

    static final String MEMBER_REF = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    @Schema(name = "SteeringGroupQuorum", description = "The terms of reference for a quorate meeting")
    public record QuorumRequest(
            @Schema(example = "4") @NotNull @Min(2) @Max(50) Integer minimumPresent,
            @Schema(description = "LXPs, people who use services and carers", example = "2") @NotNull @Min(1) @Max(50)
            Integer minimumWithLivedExperience,
            @Schema(description = "People who use services and carers; at least 1, so staff alone are never quorate",
                    example = "1") @NotNull @Min(1) @Max(50) Integer minimumNotStaff) {
    }

    @Schema(name = "SteeringGroupMemberRequest")
    public record MemberRequest(
            @Schema(description = "The organisation's own opaque reference for the member", example = "SG-RGD-01")
            @NotNull @Pattern(regexp = MEMBER_REF, message = "must be an opaque reference of 1 to 40 letters, digits and hyphens")
            String memberRef,
            @Schema(example = "PERSON_WHO_USES_SERVICES") @NotNull MemberPerspective perspective) {
    }

    SteeringGroup.Terms terms() {
        return new SteeringGroup.Terms(name,
                new Quorum(quorum.minimumPresent(), quorum.minimumWithLivedExperience(), quorum.minimumNotStaff()),
                members.stream().map(m -> new SteeringGroupMember(m.memberRef(), m.perspective())).toList());
    }
}
