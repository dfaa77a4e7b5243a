package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.ReflectiveGroup;

@Schema(name = "ReflectiveGroup", description = "A reflective practice group and its members")
public record ReflectiveGroupResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "Peer support team reflective practice") String name,
        UUID facilitatorId,
        CadenceBody cadence,
        ReflectiveGroup.Status status,
        List<ReflectiveGroup.Member> members,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static ReflectiveGroupResponse of(ReflectiveGroup group) {
        return new ReflectiveGroupResponse(group.id(), group.organisationCode(), group.name(), group.facilitatorId(),
                CadenceBody.of(group.cadence()), group.status(), group.members(), group.version(), group.createdAt(),
                group.updatedAt());
    }
}
