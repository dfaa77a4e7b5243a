package uk.org.lxp.supervision.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BankHolidayRequest", description = "A one-off bank holiday, as announced")
public record BankHolidayRequest(
        @Schema(example = "2027-06-07") @NotNull LocalDate day,
        @Schema(example = "Bank holiday for a state occasion") @NotBlank @Size(max = 100) String name) {
}
