package uk.org.lxp.roles.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.roles.Post;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    /** The organisation's posts with these references, by reference, in one query. */
    public Map<String, Post> byReference(String organisation, Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return list("organisationOdsCode = ?1 and postReference in ?2", organisation, references).stream()
                .collect(Collectors.toMap(Post::postReference, Function.identity()));
    }

    public record Filter(String organisation, String icb, Post.Status status, UUID roleProfileId) {
    }

    public List<Post> list(Filter filter, int pageIndex, int pageSize) {
        return query(filter).page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<Post> query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.organisation() != null) {
            where.append(" and p.organisationOdsCode = :organisation");
            parameters.put("organisation", filter.organisation());
        }
        if (filter.icb() != null) {
            where.append(" and exists (select 1 from Organisation o join o.icbMemberships m where o.odsCode = p.organisationOdsCode"
                    + " and m.icbOdsCode = :icb and m.validFrom <= current_date and (m.validTo is null or m.validTo >= current_date))");
            parameters.put("icb", filter.icb());
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.roleProfileId() != null) {
            where.append(" and p.roleProfileId = :profile");
            parameters.put("profile", filter.roleProfileId());
        }
        return find("from Post p where " + where, Sort.by("p.organisationOdsCode").and("p.postReference"), parameters);
    }
}
