package uk.org.lxp.payequity.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.payequity.PayRecord;

@ApplicationScoped
public class PayRecordRepository implements PanacheRepositoryBase<PayRecord, UUID> {

    /** The records of these posts, keyed by post and effective date, in one query. */
    public Map<String, PayRecord> byPostAndDate(Collection<UUID> postIds) {
        Map<String, PayRecord> records = new HashMap<>();
        if (!postIds.isEmpty()) {
            list("postId in ?1", postIds).forEach(r -> records.put(key(r.postId(), r.effectiveFrom()), r));
        }
        return records;
    }

    public static String key(UUID postId, java.time.LocalDate effectiveFrom) {
        return postId + "@" + effectiveFrom;
    }

    /** List filters; {@code within} limits the list to the organisations the caller reaches (null: every one). */
    public record Filter(String organisation, UUID post, Set<String> within) {
    }

    public List<PayRecord> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<PayRecord> query(Filter filter) {
        Where where = new Where()
                .equal("organisationOdsCode", "organisation", filter.organisation())
                .in("organisationOdsCode", "within", filter.within())
                .equal("postId", "post", filter.post());
        return find(where.toString(), Sort.by("organisationOdsCode").and("postId").and("effectiveFrom"), where.parameters());
    }
}
