package uk.org.lxp.supervision;

import java.time.LocalDate;

/** Days from one to another, both included: leave or another time someone is away. No reason is kept. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A period away runs from a day to the same or a later day");
        }
    }

    public boolean includes(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
