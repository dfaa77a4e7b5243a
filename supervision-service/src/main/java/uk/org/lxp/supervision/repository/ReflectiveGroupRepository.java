package uk.org.lxp.supervision.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.supervision.ReflectiveGroup;

@ApplicationScoped
public class ReflectiveGroupRepository implements PanacheRepositoryBase<ReflectiveGroup, UUID> {

    private static final String MEMBERS_SINCE = "select m.staffReference, min(m.joinedOn) from ReflectiveGroup g"
            + " join g.members m where g.organisationCode = :organisation and g.status = :active";
    private static final String GROUPED = " group by m.staffReference";

    public List<ReflectiveGroup> inOrganisation(String organisation, Paging paging) {
        return find("organisationCode", Sort.by("name").and("id"), organisation)
                .page(Page.of(paging.page(), paging.size())).list();
    }

    public long countInOrganisation(String organisation) {
        return count("organisationCode", organisation);
    }

    /** Everyone who belongs to an active group of the organisation, with the day they joined the first of them. */
    public Map<String, LocalDate> membersSince(String organisation) {
        return membersSince(getEntityManager().createQuery(MEMBERS_SINCE + GROUPED, Object[].class)
                .setParameter("organisation", organisation));
    }

    /** Those of these people who belong to an active group of the organisation, with the day they joined the first. */
    public Map<String, LocalDate> membersSince(String organisation, Collection<String> staffReferences) {
        return membersSince(getEntityManager().createQuery(MEMBERS_SINCE + " and m.staffReference in :people" + GROUPED,
                        Object[].class)
                .setParameter("organisation", organisation).setParameter("people", staffReferences));
    }

    private static Map<String, LocalDate> membersSince(TypedQuery<Object[]> query) {
        return query.setParameter("active", ReflectiveGroup.Status.ACTIVE).getResultStream()
                .filter(member -> member[1] != null)
                .collect(Collectors.toMap(member -> (String) member[0], member -> (LocalDate) member[1]));
    }

    /** Active groups whose meetings are not yet planned up to {@code day}, or up to their last day before it. */
    public List<ReflectiveGroup> plannedShortOf(LocalDate day) {
        return list("status = ?1 and (plannedUntil is null or (plannedUntil < ?2 and (lastDay is null or plannedUntil < lastDay)))",
                Sort.by("createdAt").and("id"), ReflectiveGroup.Status.ACTIVE, day);
    }

    public List<String> organisations() {
        return getEntityManager().createQuery("select distinct g.organisationCode from ReflectiveGroup g", String.class)
                .getResultList();
    }
}
