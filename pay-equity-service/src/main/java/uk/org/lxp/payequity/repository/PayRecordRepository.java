package uk.org.lxp.payequity.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
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

    public List<PayRecord> list(String organisation, UUID post, int pageIndex, int pageSize) {
        return query(organisation, post).page(Page.of(pageIndex, pageSize)).list();
    }

    public long count(String organisation, UUID post) {
        return query(organisation, post).count();
    }

    private PanacheQuery<PayRecord> query(String organisation, UUID post) {
        Sort order = Sort.by("postId").and("effectiveFrom");
        return post == null
                ? find("organisationOdsCode = ?1", order, organisation)
                : find("organisationOdsCode = ?1 and postId = ?2", order, organisation, post);
    }
}
