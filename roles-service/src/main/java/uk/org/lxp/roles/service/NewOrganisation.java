package uk.org.lxp.roles.service;

import uk.org.lxp.roles.Organisation;

public record NewOrganisation(String odsCode, Organisation.Details details) {
}
