package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.roles.ProgressionGraph;
import uk.org.lxp.roles.ProgressionRoute;

@ApplicationScoped
public class ProgressionRouteRepository implements PanacheRepositoryBase<ProgressionRoute, UUID> {

    public List<ProgressionRoute> list(UUID from, UUID to, Paging paging) {
        return query(from, to).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(UUID from, UUID to) {
        return query(from, to).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<ProgressionRoute> query(UUID from, UUID to) {
        Where where = new Where().equal("fromProfileId", "from", from).equal("toProfileId", "to", to);
        return find(where.toString(), Sort.by("createdAt").and("id"), where.parameters());
    }

    /** The whole catalogue as a graph: a few thousand roles and routes at national scale. */
    public ProgressionGraph graph() {
        var em = getEntityManager();
        List<ProgressionGraph.Role> roles = em.createQuery("select new uk.org.lxp.roles.ProgressionGraph$Role("
                + "p.id, p.title, p.band, p.level, p.status, p.ownerOdsCode) from RoleProfile p", ProgressionGraph.Role.class)
                .getResultList();
        List<ProgressionGraph.Step> steps = em.createQuery("select new uk.org.lxp.roles.ProgressionGraph$Step("
                + "r.fromProfileId, r.toProfileId, r.kind) from ProgressionRoute r", ProgressionGraph.Step.class)
                .getResultList();
        return new ProgressionGraph(roles, steps);
    }

    /** Roles owned by one organisation, or by the organisations in an ICB on a day. */
    public List<ProgressionGraph.Role> rolesOwnedBy(String organisation, String icb, LocalDate day) {
        var em = getEntityManager();
        String select = "select new uk.org.lxp.roles.ProgressionGraph$Role(p.id, p.title, p.band, p.level, p.status,"
                + " p.ownerOdsCode) from RoleProfile p where ";
        if (organisation != null) {
            return em.createQuery(select + "p.ownerOdsCode = :organisation order by p.title", ProgressionGraph.Role.class)
                    .setParameter("organisation", organisation).getResultList();
        }
        return em.createQuery(select + OrganisationRepository.MEMBER_OF_ICB.formatted("p.ownerOdsCode")
                        + " order by p.ownerOdsCode, p.title",
                        ProgressionGraph.Role.class)
                .setParameter("icb", icb).setParameter("day", day).getResultList();
    }
}
