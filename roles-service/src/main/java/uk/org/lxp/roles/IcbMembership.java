package uk.org.lxp.roles;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An organisation's membership of an ICB from one day to another (open-ended while current). */
@Embeddable
public record IcbMembership(
        @Column(name = "icb_ods_code", nullable = false) String icbOdsCode,
        @Column(name = "valid_from", nullable = false) LocalDate validFrom,
        @Column(name = "valid_to") LocalDate validTo) {

    public IcbMembership {
        if (icbOdsCode == null || validFrom == null) {
            throw new IllegalArgumentException("An ICB membership needs the ICB and the day it began");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("ICB membership of " + icbOdsCode + " ends before it begins");
        }
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    boolean overlaps(IcbMembership other) {
        LocalDate thisEnd = validTo == null ? LocalDate.MAX : validTo;
        LocalDate otherEnd = other.validTo == null ? LocalDate.MAX : other.validTo;
        return !validFrom.isAfter(otherEnd) && !other.validFrom.isAfter(thisEnd);
    }
}
