package uk.org.lxp.supervision.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.StaffReference;

@Schema(name = "TraineeRequest", description = "Someone to enrol, by an opaque reference (they need not hold a post yet)")
public record TraineeRequest(
        @Schema(example = "T-2027-0042") @NotNull @StaffReference String traineeReference,
        @Schema(description = "Their mentor, when known already", nullable = true) @Valid MentoringBody mentoring) {
}
