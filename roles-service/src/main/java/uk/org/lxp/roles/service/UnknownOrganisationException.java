package uk.org.lxp.roles.service;

public class UnknownOrganisationException extends RuntimeException {

    public UnknownOrganisationException(String odsCode) {
        super("No organisation with ODS code " + odsCode);
    }
}
