package uk.org.lxp.payequity.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.payequity.Organisation;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {
}
