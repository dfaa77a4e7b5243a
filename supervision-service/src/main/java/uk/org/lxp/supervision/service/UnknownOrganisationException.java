package uk.org.lxp.supervision.service;

public class UnknownOrganisationException extends RuntimeException {

    public UnknownOrganisationException(String odsCode) {
        super("Organisation " + odsCode + " is not known to the suite or has closed");
    }
}
