package uk.org.lxp.supervision.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.service.BankHolidayService;

@Schema(name = "BankHolidayAdded", description = "The holiday, and what became of the sessions planned on it")
public record BankHolidayAdded(
        BankHolidayResponse holiday,
        @Schema(description = "Sessions moved to another time of their week", example = "12") long sessionsMoved,
        @Schema(description = "Sessions whose week had no other time, now unscheduled", example = "1") long sessionsUnscheduled) {

    static BankHolidayAdded of(BankHolidayService.Added added) {
        long unscheduled = added.moved().stream().filter(session -> session.startsAt() == null).count();
        return new BankHolidayAdded(BankHolidayResponse.of(added.holiday()), added.moved().size() - unscheduled,
                unscheduled);
    }
}
