package uk.org.lxp.supervision.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import uk.org.lxp.supervision.Organisation;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {
}
