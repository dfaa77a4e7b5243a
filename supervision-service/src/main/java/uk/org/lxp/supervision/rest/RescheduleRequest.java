package uk.org.lxp.supervision.rest;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RescheduleRequest", description = "Where to move one session; the rest of its series stays")
public record RescheduleRequest(
        @Schema(description = "The new start, wall-clock time in England", example = "2027-03-31T10:00:00")
        @NotNull
        LocalDateTime start) {
}
