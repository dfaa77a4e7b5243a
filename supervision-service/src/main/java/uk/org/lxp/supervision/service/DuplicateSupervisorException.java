package uk.org.lxp.supervision.service;

public class DuplicateSupervisorException extends RuntimeException {

    public DuplicateSupervisorException(String organisationCode, String staffReference) {
        super("Staff reference " + staffReference + " of " + organisationCode + " is already a supervisor");
    }
}
