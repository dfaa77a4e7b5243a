package uk.org.lxp.supervision.rest;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.ReflectiveGroup;

@Schema(name = "GroupMembers", description = "A group's members from now on: those who stay keep the day they joined")
public record GroupMembers(
        @Schema(example = "[\"E-100231\", \"E-100232\", \"E-100240\"]")
        @NotEmpty @Size(max = ReflectiveGroup.MAX_MEMBERS) List<@NotNull @StaffReference String> members) {
}
