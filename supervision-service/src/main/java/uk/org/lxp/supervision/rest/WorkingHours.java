package uk.org.lxp.supervision.rest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.WorkingPattern;

@Schema(name = "WorkingHours", description = "The days someone works and the hours of each, wall-clock time in England")
public record WorkingHours(
        @Schema(example = "[\"TUESDAY\", \"WEDNESDAY\"]") @NotEmpty
        Set<@NotNull DayOfWeek> days,
        @Schema(type = SchemaType.STRING, 
                pattern = "^\\d{2}:\\d{2}(:\\d{2})?$", example = "09:30") @NotNull
        LocalTime start,
        @Schema(type = SchemaType.STRING, 
                pattern = "^\\d{2}:\\d{2}(:\\d{2})?$", example = "17:00") @NotNull
        LocalTime end) {

    WorkingPattern toPattern() {
        return new WorkingPattern(days, start, end);
    }

    static WorkingHours of(WorkingPattern pattern) {
        return new WorkingHours(pattern.days(), pattern.start(), pattern.end());
    }
}
