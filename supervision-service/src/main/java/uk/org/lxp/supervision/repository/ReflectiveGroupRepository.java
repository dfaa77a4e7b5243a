package uk.org.lxp.supervision.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.supervision.ReflectiveGroup;

@ApplicationScoped
public class ReflectiveGroupRepository implements PanacheRepositoryBase<ReflectiveGroup, UUID> {

    public List<ReflectiveGroup> inOrganisation(String organisation, Paging paging) {
        return find("organisationCode", Sort.by("name").and("id"), organisation)
                .page(Page.of(paging.page(), paging.size())).list();
    }

    public long countInOrganisation(String organisation) {
        return count("organisationCode", organisation);
    }

    /** Whether the person belongs to an active group of their organisation. */
    public boolean isMember(String organisation, String staffReference) {
        return memberSince(organisation, staffReference).isPresent();
    }

    /** The day the person joined the first active group of their organisation they still belong to. */
    public Optional<LocalDate> memberSince(String organisation, String staffReference) {
        return getEntityManager().createQuery("select min(m.joinedOn) from ReflectiveGroup g join g.members m"
                        + " where g.organisationCode = :organisation and g.status = :active and m.staffReference = :person",
                        LocalDate.class)
                .setParameter("organisation", organisation).setParameter("active", ReflectiveGroup.Status.ACTIVE)
                .setParameter("person", staffReference).getResultStream().filter(day -> day != null).findFirst();
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
