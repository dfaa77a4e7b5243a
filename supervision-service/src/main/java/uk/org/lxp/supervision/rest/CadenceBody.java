package uk.org.lxp.supervision.rest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.supervision.Cadence;

@Schema(name = "Cadence", description = "When an agreement meets: an RFC 5545 recurrence rule from a first meeting at a"
        + " wall-clock time in England (it stays at that time across the clock changes), for a duration")
public record CadenceBody(
        @Schema(description = "RFC 5545 RRULE without UNTIL or COUNT (give lastDay instead)",
                example = "FREQ=WEEKLY;INTERVAL=4;BYDAY=TU")
        @NotBlank @Size(max = 200)
        String rule,
        @Schema(description = "The day of the first meeting", example = "2027-01-05")
        @NotNull
        LocalDate firstDay,
        @Schema(type = SchemaType.STRING, pattern = "^\\d{2}:\\d{2}(:\\d{2})?$",
                description = "Wall-clock start time, Europe/London", example = "14:00")
        @NotNull
        LocalTime time,
        @Schema(example = "60")
        @NotNull @Min(15) @Max(480)
        Integer durationMinutes,
        @Schema(description = "The last day a meeting may fall on, if the agreement has an end", example = "2027-12-31",
                nullable = true)
        LocalDate lastDay) {

    /** The cadence, or a 400 naming {@code field} when the rule is not one this service plans. */
    Cadence toCadence(String field) {
        try {
            return new Cadence(rule, firstDay, time, Duration.ofMinutes(durationMinutes), lastDay);
        } catch (IllegalArgumentException refused) {
            throw InvalidRequest.inBody(field, refused.getMessage());
        }
    }

    static CadenceBody of(Cadence cadence) {
        return new CadenceBody(cadence.rule(), cadence.firstDay(), cadence.time(), (int) cadence.duration().toMinutes(),
                cadence.lastDay());
    }
}
