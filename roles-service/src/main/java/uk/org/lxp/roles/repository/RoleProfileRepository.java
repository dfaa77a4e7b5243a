package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
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
            ContractBasis basis, RoleProfile.Status status, Boolean misfiled, Set<String> visibleDraftOwners,
            LocalDate today) {
    }

    public List<RoleProfile> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
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

    /** Published profiles whose review fell due before the day and is not yet marked overdue. */
    public List<UUID> reviewsFallenDue(LocalDate today) {
        return getEntityManager().createQuery("select p.id from RoleProfile p where p.status = :published"
                        + " and p.reviewDue < :today and p.reviewOverdueSince is null order by p.id", UUID.class)
                .setParameter("published", RoleProfile.Status.PUBLISHED).setParameter("today", today).getResultList();
    }

    /** Every profile the organisations own, whatever its status. */
    public List<RoleProfile> ownedBy(Set<String> owners) {
        return list("ownerOdsCode in :owners", Parameters.with("owners", owners));
    }

    private PanacheQuery<RoleProfile> query(Filter filter) {
        boolean national = "national".equals(filter.owner());
        Where where = new Where()
                .and(national, "p.ownerOdsCode is null", Map.of())
                .equal("p.ownerOdsCode", "owner", national ? null : filter.owner())
                .and(filter.icb() != null, OrganisationRepository.MEMBER_OF_ICB.formatted("p.ownerOdsCode"),
                        OrganisationRepository.memberOf(filter.icb(), filter.today()))
                .equal("p.family", "family", filter.family())
                .equal("p.level", "level", filter.level())
                .equal("p.band", "band", filter.band())
                .equal("p.contractBasis", "basis", filter.basis())
                .equal("p.status", "status", filter.status())
                .and(Boolean.TRUE.equals(filter.misfiled()), "p.patientFacing = true and p.staffGroupCode = '08'", Map.of())
                .and(filter.visibleDraftOwners() != null, "(p.status <> :draft or p.ownerOdsCode in :mine)",
                        filter.visibleDraftOwners() == null ? Map.of() : Map.of("draft", RoleProfile.Status.DRAFT,
                                "mine", filter.visibleDraftOwners().isEmpty() ? Set.of("") : filter.visibleDraftOwners()));
        return find("from RoleProfile p where " + where, Sort.by("p.title").and("p.id"), where.parameters());
    }
}
