package uk.org.lxp.supervision.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.supervision.Supervisee;

@ApplicationScoped
public class SuperviseeRepository implements PanacheRepositoryBase<Supervisee, UUID> {

    public Optional<Supervisee> find(String organisation, String staffReference) {
        return find("organisationCode = ?1 and staffReference = ?2", organisation, staffReference).firstResultOptional();
    }

    /** Those of these people of an organisation who are supervisees, in one query. */
    public List<Supervisee> among(String organisation, Collection<String> staffReferences) {
        return list("organisationCode = ?1 and staffReference in ?2", organisation, staffReferences);
    }

    public List<Supervisee> inOrganisation(String organisation) {
        return list("organisationCode", Sort.by("staffReference"), organisation);
    }

    public List<String> organisations() {
        return getEntityManager().createQuery("select distinct s.organisationCode from Supervisee s", String.class)
                .getResultList();
    }

    /** An organisation's supervisees, or only the one with {@code staffReference}. */
    public List<Supervisee> list(String organisation, String staffReference, Paging paging) {
        return query(organisation, staffReference).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(String organisation, String staffReference) {
        return query(organisation, staffReference).count();
    }

    private PanacheQuery<Supervisee> query(String organisation, String staffReference) {
        Where where = new Where().equal("organisationCode", "organisation", organisation)
                .equal("staffReference", "staffReference", staffReference);
        return find(where.toString(), Sort.by("staffReference").and("id"), where.parameters());
    }
}
