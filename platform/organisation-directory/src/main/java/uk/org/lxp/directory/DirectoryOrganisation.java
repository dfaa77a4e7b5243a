package uk.org.lxp.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An organisation as roles-service last published it: what a consuming service needs to scope and group by. */
public record DirectoryOrganisation(String odsCode, String name, String type, LocalDate validFrom, LocalDate validTo,
        String successorOdsCode, List<IcbMembership> icbMemberships) {

    public DirectoryOrganisation {
        icbMemberships = icbMemberships == null ? List.of() : List.copyOf(icbMemberships);
    }

    /** Membership of an ICB from one day to another (open-ended while current). */
    public record IcbMembership(String icbOdsCode, LocalDate validFrom, LocalDate validTo) {

        public boolean isValidOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    public Optional<String> icbOn(LocalDate day) {
        return icbMemberships.stream().filter(m -> m.isValidOn(day)).map(IcbMembership::icbOdsCode).findFirst();
    }

    /** Existed on the day: founded by then (or founding unknown) and not yet closed. */
    public boolean isOpenOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
