package uk.org.lxp.roles.service;

import java.time.LocalDate;

import uk.org.lxp.roles.OrganisationType;

public record NewOrganisation(String odsCode, String name, OrganisationType type, LocalDate validFrom,
        LocalDate validTo, String successorOdsCode) {
}
