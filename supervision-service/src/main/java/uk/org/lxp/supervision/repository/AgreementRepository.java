package uk.org.lxp.supervision.repository;

import java.time.LocalDate;
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
import uk.org.lxp.supervision.Agreement;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** List filters within one organisation; {@code involving} limits to one person's agreements. */
    public record Filter(String organisation, String superviseeStaffReference, UUID supervisorId,
            Agreement.Status status, Optional<Involving> involving) {
    }

    public List<Agreement> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    /** How many different people a supervisor supervises under active agreements. */
    public long superviseesOf(UUID supervisorId) {
        return getEntityManager().createQuery("select count(distinct concat(a.organisationCode, '/', a.superviseeStaffReference))"
                        + " from Agreement a where a.supervisorId = :supervisor and a.status = :active", Long.class)
                .setParameter("supervisor", supervisorId).setParameter("active", Agreement.Status.ACTIVE).getSingleResult();
    }

    public boolean supervises(UUID supervisorId, String organisation, String superviseeStaffReference) {
        return count("supervisorId = ?1 and organisationCode = ?2 and superviseeStaffReference = ?3 and status = ?4",
                supervisorId, organisation, superviseeStaffReference, Agreement.Status.ACTIVE) > 0;
    }

    /** Active agreements whose sessions are not yet planned up to {@code day}, or up to their last day before it. */
    public List<Agreement> plannedShortOf(LocalDate day) {
        return list("status = ?1 and (plannedUntil is null or (plannedUntil < ?2 and (lastDay is null or plannedUntil < lastDay)))",
                Sort.by("createdAt").and("id"), Agreement.Status.ACTIVE, day);
    }

    public List<Agreement> activeIn(String organisation) {
        return list("organisationCode = ?1 and status = ?2", Sort.by("createdAt").and("id"), organisation,
                Agreement.Status.ACTIVE);
    }

    public List<Agreement> activeOfSupervisor(UUID supervisorId) {
        return list("supervisorId = ?1 and status = ?2", Sort.by("createdAt"), supervisorId, Agreement.Status.ACTIVE);
    }

    public List<Agreement> activeOfSupervisee(String organisation, String staffReference) {
        return list("organisationCode = ?1 and superviseeStaffReference = ?2 and status = ?3", Sort.by("createdAt"),
                organisation, staffReference, Agreement.Status.ACTIVE);
    }

    /** The active agreements of these people of an organisation, in one query. */
    public List<Agreement> activeOfSupervisees(String organisation, Collection<String> staffReferences) {
        return list("organisationCode = ?1 and superviseeStaffReference in ?2 and status = ?3", Sort.by("createdAt"),
                organisation, staffReferences, Agreement.Status.ACTIVE);
    }

    private PanacheQuery<Agreement> query(Filter filter) {
        Where where = new Where()
                .equal("organisationCode", "organisation", filter.organisation())
                .equal("superviseeStaffReference", "supervisee", filter.superviseeStaffReference())
                .equal("supervisorId", "supervisor", filter.supervisorId())
                .equal("status", "status", filter.status());
        filter.involving().ifPresent(person -> person.limit(where));
        return find(where.toString(), Sort.by("superviseeStaffReference").and("createdAt").and("id"), where.parameters());
    }
}
