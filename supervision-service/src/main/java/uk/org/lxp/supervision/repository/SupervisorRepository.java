package uk.org.lxp.supervision.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.supervision.Supervisor;

@ApplicationScoped
public class SupervisorRepository implements PanacheRepositoryBase<Supervisor, UUID> {

    public Optional<Supervisor> find(String organisationCode, String staffReference) {
        return find("organisationCode = ?1 and staffReference = ?2", organisationCode, staffReference).firstResultOptional();
    }

    public List<Supervisor> allIn(String organisationCode) {
        return list("organisationCode", Sort.by("staffReference"), organisationCode);
    }

    public List<String> organisations() {
        return getEntityManager().createQuery("select distinct s.organisationCode from Supervisor s", String.class)
                .getResultList();
    }

    /** An organisation's supervisors, or only the one with {@code staffReference} when it is given. */
    public List<Supervisor> inOrganisation(String organisationCode, String staffReference, Paging paging) {
        return query(organisationCode, staffReference).page(Page.of(paging.page(), paging.size())).list();
    }

    public long countInOrganisation(String organisationCode, String staffReference) {
        return query(organisationCode, staffReference).count();
    }

    private PanacheQuery<Supervisor> query(String organisationCode, String staffReference) {
        Sort order = Sort.by("staffReference").and("id");
        return staffReference == null ? find("organisationCode", order, organisationCode)
                : find("organisationCode = ?1 and staffReference = ?2", order, organisationCode, staffReference);
    }
}
