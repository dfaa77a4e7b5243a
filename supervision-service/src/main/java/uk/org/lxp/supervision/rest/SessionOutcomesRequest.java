package uk.org.lxp.supervision.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionOutcomesRequest", description = "What became of many sessions, up to 5,000 per call, all or nothing")
public record SessionOutcomesRequest(
        @NotEmpty @Size(max = 5_000) @Valid
        List<@NotNull Item> outcomes) {

    @Schema(name = "SessionOutcomeItem")
    public record Item(@NotNull UUID sessionId, @NotNull @Valid OutcomeRequest outcome) {
    }
}
