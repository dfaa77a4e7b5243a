package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.PayYear;

@Schema(name = "PayScaleRequest", description = "A whole Agenda for Change pay year: every band, every point")
public record PayScaleRequest(
        @Schema(example = "2027-28") @NotNull @Pattern(regexp = PayYear.FORM, message = "must be a pay year written like 2027-28")
        String payYear,
        @Schema(example = "2027-04-01") @NotNull
        LocalDate effectiveFrom,
        @NotEmpty @Size(max = 100) @Valid
        List<Point> points) {

    @Schema(name = "PayPointRequest")
    public record Point(
            @Schema(example = "BAND_3") @NotNull
            AfcBand band,
            @Schema(example = "1") @Min(1) @Max(20)
            int point,
            @Schema(example = "25800.00") @NotNull @Positive @DecimalMax(value = "1000000", message = "is not a plausible salary")
            BigDecimal annualGbp,
            @Schema(example = "2") @Min(1) @Max(20)
            Integer yearsToNextPoint) {
    }
}
