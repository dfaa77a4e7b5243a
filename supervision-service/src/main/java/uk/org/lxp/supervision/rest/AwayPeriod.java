package uk.org.lxp.supervision.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.DateRange;

@Schema(name = "AwayPeriod", description = "Days someone is away (leave or otherwise), both included; never a reason")
public record AwayPeriod(
        @Schema(example = "2027-04-05") @NotNull LocalDate from,
        @Schema(example = "2027-04-09") @NotNull LocalDate to) {

    DateRange toRange() {
        return new DateRange(from, to);
    }

    static AwayPeriod of(DateRange range) {
        return new AwayPeriod(range.from(), range.to());
    }
}
