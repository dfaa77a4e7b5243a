package uk.org.lxp.roles.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.roles.Post;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The organisation's posts with these references, by reference, in one query. */
    public Map<String, Post> byReference(String organisation, Collection<String> references) {
        return BulkItems.byReference(getEntityManager(), Post.class, "postReference", organisation, references,
                Post::postReference);
    }

    /**
     * List filters; {@code within} limits the list to the organisations the caller reaches (null: every one), and
     * {@code icb} to the members of an ICB on {@code day}.
     */
    public record Filter(String organisation, String icb, LocalDate day, Post.Status status, UUID roleProfileId,
            Set<String> within) {
    }

    public List<Post> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Post> query(Filter filter) {
        Where where = new Where()
                .equal("p.organisationOdsCode", "organisation", filter.organisation())
                .in("p.organisationOdsCode", "within", filter.within())
                .and(filter.icb() != null, OrganisationRepository.MEMBER_OF_ICB.formatted("p.organisationOdsCode"),
                        OrganisationRepository.memberOf(filter.icb(), filter.day()))
                .equal("p.status", "status", filter.status())
                .equal("p.roleProfileId", "profile", filter.roleProfileId());
        return find("from Post p where " + where, Sort.by("p.organisationOdsCode").and("p.postReference"), where.parameters());
    }
}
