package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleProfileRevision;

@ApplicationScoped
public class RoleProfileRepository implements PanacheRepositoryBase<RoleProfile, UUID> {

    /**
     * Catalogue filters. {@code owner} "national" selects templates. {@code visibleDraftOwners} null means every
     * draft is visible (lxp-admin); otherwise only drafts owned by those organisations are.
     */
    public record Filter(String owner, String icb, RoleFamily family, RoleLevel level, PayBand band,
            ContractBasis basis, RoleProfile.Status status, Boolean misfiled, Set<String> visibleDraftOwners) {
    }

    public List<RoleProfile> list(Filter filter, int pageIndex, int pageSize) {
        return query(filter).page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    public void addRevision(RoleProfileRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<RoleProfileRevision> revisions(UUID id) {
        return getEntityManager().createQuery(
                "from RoleProfileRevision r where r.key.roleProfileId = :id order by r.key.revision", RoleProfileRevision.class)
                .setParameter("id", id).getResultList();
    }

    /** The last revision recorded at or before the instant. */
    public Optional<RoleProfileRevision> revisionAsOf(UUID id, Instant instant) {
        return getEntityManager().createQuery("from RoleProfileRevision r where r.key.roleProfileId = :id"
                        + " and r.recordedAt <= :instant order by r.key.revision desc", RoleProfileRevision.class)
                .setParameter("id", id).setParameter("instant", instant).setMaxResults(1)
                .getResultStream().findFirst();
    }

    private PanacheQuery<RoleProfile> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if ("national".equals(filter.owner())) {
            where.append(" and p.ownerOdsCode is null");
        } else if (filter.owner() != null) {
            where.append(" and p.ownerOdsCode = :owner");
            parameters.put("owner", filter.owner());
        }
        if (filter.icb() != null) {
            where.append(" and exists (select 1 from Organisation o join o.icbMemberships m where o.odsCode = p.ownerOdsCode"
                    + " and m.icbOdsCode = :icb and m.validFrom <= :today and (m.validTo is null or m.validTo >= :today))");
            parameters.put("icb", filter.icb());
            parameters.put("today", LocalDate.now());
        }
        equal(where, parameters, "family", filter.family());
        equal(where, parameters, "level", filter.level());
        equal(where, parameters, "band", filter.band());
        equal(where, parameters, "contractBasis", filter.basis());
        equal(where, parameters, "status", filter.status());
        if (Boolean.TRUE.equals(filter.misfiled())) {
            where.append(" and p.patientFacing = true and p.staffGroupCode = '08'");
        }
        if (filter.visibleDraftOwners() != null) {
            where.append(" and (p.status <> :draft or p.ownerOdsCode in :mine)");
            parameters.put("draft", RoleProfile.Status.DRAFT);
            parameters.put("mine", filter.visibleDraftOwners().isEmpty() ? Set.of("") : filter.visibleDraftOwners());
        }
        return find("from RoleProfile p where " + where, Sort.by("p.title").and("p.id"), parameters);
    }

    private static void equal(StringBuilder where, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            where.append(" and p.").append(field).append(" = :").append(field);
            parameters.put(field, value);
        }
    }
}
