package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.payequity.AfcBand;

import uk.org.lxp.payequity.PayBasis;

@Schema(name = "PayRecordBulkRequest", description = "What an organisation's posts pay, from given days, up to 10,000 records per call")
public record PayRecordBulkRequest(
        @Schema(example = "RGD") @NotNull @OdsCode
        String organisationCode,
        @NotEmpty @Size(max = 10_000) @Valid
        List<@NotNull Item> records) {

    @Schema(name = "PayRecordItem")
    public record Item(
            @Schema(description = "The HR system's post reference, as registered with roles-service", example = "RGD-PSW-0042")
            @NotNull @Pattern(regexp = "[A-Za-z0-9._/-]{1,64}", message = "must be a post reference")
            String postReference,
            @Schema(example = "2025-04-01") @NotNull
            LocalDate effectiveFrom,
            @Schema(example = "SALARIED") @NotNull
            PayBasis basis,
            @Schema(description = "Agenda for Change band, for salaried work (and optionally sessional)", example = "BAND_3")
            AfcBand band,
            @Schema(example = "1") @Min(1) @Max(20)
            Integer point,
            @Schema(example = "1.0") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            BigDecimal fte,
            @Schema(description = "For hourly work", example = "12.75") @DecimalMin(value = "0", inclusive = false) @DecimalMax("500")
            BigDecimal hourlyRate,
            @Schema(description = "For sessional work", example = "300") @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000")
            BigDecimal dayRate,
            @Schema(description = "Expenses reimbursed per day; never counted as pay", example = "20") @DecimalMin("0") @DecimalMax("500")
            BigDecimal expensesPerDay,
            @Schema(description = "INNER_LONDON, OUTER_LONDON or FRINGE", example = "OUTER_LONDON")
            @Pattern(regexp = "INNER_LONDON|OUTER_LONDON|FRINGE", message = "must be INNER_LONDON, OUTER_LONDON or FRINGE")
            String hcasZone) {
    }
}
