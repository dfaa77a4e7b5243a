package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Quorum;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.SteeringGroupMember;

@Schema(name = "SteeringGroup")
public record SteeringGroupResponse(
        UUID id,
        @Schema(example = "RGD") String ownerOdsCode,
        @Schema(example = "Lived Experience Roles Steering Group") String name,
        Quorum quorum,
        List<SteeringGroupMember> members,
        @Schema(description = "Also the ETag; send it in If-Match to change the group") int version,
        Instant createdAt,
        Instant updatedAt) {

    static SteeringGroupResponse of(SteeringGroup group) {
        return new SteeringGroupResponse(group.id(), group.ownerOdsCode(), group.name(), group.quorum(), group.members(),
                group.version(), group.createdAt(), group.updatedAt());
    }
}
