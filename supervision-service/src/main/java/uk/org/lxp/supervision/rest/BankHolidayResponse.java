package uk.org.lxp.supervision.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.BankHoliday;

@Schema(name = "BankHoliday", description = "An England and Wales bank holiday: no session is planned on it")
public record BankHolidayResponse(
        @Schema(example = "2027-05-03") LocalDate day,
        @Schema(example = "Early May bank holiday") String name,
        @Schema(description = "Added through the API rather than shipped with the service") boolean oneOff) {

    static BankHolidayResponse of(BankHoliday holiday) {
        return new BankHolidayResponse(holiday.day(), holiday.name(), holiday.oneOff());
    }
}
