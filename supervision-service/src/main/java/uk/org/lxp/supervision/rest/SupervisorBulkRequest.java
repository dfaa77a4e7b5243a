package uk.org.lxp.supervision.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupervisorBulkRequest", description = "Supervisors as the HR system holds them, up to 2,000 per call;"
        + " registered when new, changed when known (by organisation and staff reference)")
public record SupervisorBulkRequest(
        @NotEmpty @Size(max = 2_000) @Valid
        List<@NotNull SupervisorRequest> supervisors) {
}
