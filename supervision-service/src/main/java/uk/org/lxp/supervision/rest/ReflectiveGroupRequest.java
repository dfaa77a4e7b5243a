package uk.org.lxp.supervision.rest;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.ReflectiveGroup;
import uk.org.lxp.supervision.service.ReflectiveGroupService.NewGroup;

@Schema(name = "ReflectiveGroupRequest", description = "A reflective practice group: its facilitator, members and cadence")
public record ReflectiveGroupRequest(
        @Schema(example = "RGD") @NotNull @OdsCode String organisationCode,
        @Schema(example = "Peer support team reflective practice") @NotBlank @Size(max = 120) String name,
        @Schema(description = "The facilitator: a supervisor of the same organisation") @NotNull UUID facilitatorId,
        @NotNull @Valid CadenceBody cadence,
        @Schema(description = "The members' opaque staff references", example = "[\"E-100231\", \"E-100232\"]")
        @NotEmpty @Size(max = ReflectiveGroup.MAX_MEMBERS) List<@NotNull @StaffReference String> members) {

    NewGroup toCommand() {
        return new NewGroup(organisationCode, name, facilitatorId, cadence.toCadence("cadence"), new TreeSet<>(members));
    }
}
