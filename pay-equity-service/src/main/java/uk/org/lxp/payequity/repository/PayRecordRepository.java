package uk.org.lxp.payequity.repository;

import java.time.LocalDate;
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

    /**
     * The record in force on the day for each post (the latest to start on or before it), keyed by post; every post's
     * when {@code postIds} is null.
     */
    public Map<UUID, PayRecord> inForceOn(LocalDate day, Collection<UUID> postIds) {
        Map<UUID, PayRecord> inForce = new HashMap<>();
        if (postIds != null && postIds.isEmpty()) {
            return inForce;
        }
        var records = postIds == null ? find("effectiveFrom <= ?1", day) : find("postId in ?1 and effectiveFrom <= ?2", postIds, day);
        records.stream().forEach(record -> inForce.merge(record.postId(), record,
                (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b));
        return inForce;
    }

    public static String key(UUID postId, LocalDate effectiveFrom) {
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
