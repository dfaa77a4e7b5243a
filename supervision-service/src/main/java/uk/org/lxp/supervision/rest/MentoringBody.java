package uk.org.lxp.supervision.rest;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.service.TrainingService.Mentoring;

@Schema(name = "Mentoring", description = "A trainee's mentor (a registered supervisor, preferably an LXP) and when they"
        + " meet each week; sessions are planned for the weeks of the programme still to come")
public record MentoringBody(
        @Schema(description = "The mentor's supervisor id") @NotNull UUID mentorId,
        @Schema(description = "RFC 5545 RRULE, usually weekly", example = "FREQ=WEEKLY;BYDAY=TH") @NotBlank @Size(max = 200)
        String rule,
        @Schema(type = SchemaType.STRING, pattern = "^\\d{2}:\\d{2}(:\\d{2})?$", example = "10:00")
        @NotNull LocalTime time,
        @Schema(example = "45") @NotNull @Min(15) @Max(480) Integer durationMinutes) {

    Mentoring toMentoring() {
        return new Mentoring(mentorId, rule, time, Duration.ofMinutes(durationMinutes));
    }
}
