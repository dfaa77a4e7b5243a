package uk.org.lxp.roles.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.api.scope.OrganisationDirectory;
import uk.org.lxp.roles.repository.OrganisationRepository;

/** roles-service owns the organisations: the scope policy reads them straight from its own tables. */
@ApplicationScoped
public class RolesOrganisationDirectory implements OrganisationDirectory {

    private final OrganisationRepository organisations;

    RolesOrganisationDirectory(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public boolean isKnown(String odsCode) {
        return organisations.findByOdsCode(odsCode).isPresent() || organisations.isIcbOfAny(odsCode);
    }

    @Override
    public Optional<String> icbOf(String odsCode, LocalDate day) {
        return organisations.findByOdsCode(odsCode).flatMap(organisation -> organisation.icbOn(day));
    }

    @Override
    public Set<String> membersOf(String icbOdsCode, LocalDate day) {
        return organisations.membersOf(icbOdsCode, day);
    }
}
