package uk.org.lxp.roles.service;

public class DuplicateOrganisationException extends RuntimeException {

    public DuplicateOrganisationException(String odsCode) {
        super("An organisation with ODS code " + odsCode + " is already registered");
    }
}
