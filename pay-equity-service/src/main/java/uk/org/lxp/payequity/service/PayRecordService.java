package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.http.Violation;
import uk.org.lxp.payequity.PayCalculations;
import uk.org.lxp.payequity.PayPoint;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.HcasZone;
import uk.org.lxp.payequity.repository.HcasZoneRepository;
import uk.org.lxp.payequity.repository.PayPointRepository;
import uk.org.lxp.payequity.repository.PayRecordRepository;
import uk.org.lxp.payequity.repository.PostRepository;

/** Pay records as HR systems report them: checked against the pay scales, then compared on one annual scale. */
@ApplicationScoped
public class PayRecordService {

    private final PayRecordRepository records;
    private final PostRepository posts;
    private final PayPointRepository payPoints;
    private final HcasZoneRepository hcasZones;
    private final Audit audit;
    private final ParityEvaluationTrigger parity;
    private final Clock clock;

    PayRecordService(PayRecordRepository records, PostRepository posts, PayPointRepository payPoints,
            HcasZoneRepository hcasZones, Audit audit, ParityEvaluationTrigger parity, Clock clock) {
        this.records = records;
        this.posts = posts;
        this.payPoints = payPoints;
        this.hcasZones = hcasZones;
        this.audit = audit;
        this.parity = parity;
        this.clock = clock;
    }

    /** One record of a bulk request; {@code index} is its place in the request, for naming the field at fault. */
    public record Item(int index, String postReference, LocalDate effectiveFrom, PayRecord.Terms terms) {
    }

    @Schema(name = "PayRecordBulkResult")
    public record Result(int created, int changed, int unchanged) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result upsert(String organisation, List<Item> items) {
        Set<String> references = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Item item : items) {
            references.add(item.postReference());
            if (!keys.add(item.postReference() + "@" + item.effectiveFrom())) {
                throw InvalidRequest.inBody("records[" + item.index() + "].effectiveFrom", "Post " + item.postReference()
                        + " has two records from " + item.effectiveFrom() + " in the request");
            }
        }
        Map<String, Post> known = posts.byReference(organisation, references);
        List<Violation> unknown = items.stream().filter(item -> !known.containsKey(item.postReference()))
                .map(item -> Violation.body("records[" + item.index() + "].postReference", "post " + item.postReference()
                        + " of " + organisation + " is not known to pay equity: register it with roles-service first"))
                .toList();
        if (!unknown.isEmpty()) {
            throw UnknownReference.inBody(unknown.size() + " record(s) name posts not known to pay equity (yet): "
                    + unknown.get(0).message() + (unknown.size() > 1 ? ", and others" : ""),
                    unknown.subList(0, Math.min(100, unknown.size())));
        }
        Map<String, PayRecord> existing = records.byPostAndDate(known.values().stream().map(Post::id).toList());
        Map<String, Map<String, PayPoint>> scales = new HashMap<>();
        Instant now = clock.instant();
        int created = 0;
        int changed = 0;
        List<Audit.Entry> trail = new ArrayList<>();
        for (Item item : items) {
            Post post = known.get(item.postReference());
            BigDecimal annual = fteAnnualised(item, scales);
            PayRecord record = existing.get(PayRecordRepository.key(post.id(), item.effectiveFrom()));
            if (record == null) {
                record = new PayRecord(post.id(), organisation, item.effectiveFrom(), item.terms(), annual, now);
                records.persist(record);
                created++;
                trail.add(new Audit.Entry("pay-record.created", "pay-record", record.id().toString(), item));
            } else if (record.update(item.terms(), annual, now)) {
                changed++;
                trail.add(new Audit.Entry("pay-record.changed", "pay-record", record.id().toString(), item));
            }
        }
        records.flush();
        parity.request();
        audit.recordAll(trail);
        return new Result(created, changed, items.size() - created - changed);
    }

    /** A full-time year on the record's terms, from the pay scale of the year the record starts in. */
    private BigDecimal fteAnnualised(Item item, Map<String, Map<String, PayPoint>> scales) {
        PayRecord.Terms terms = item.terms();
        return switch (terms.basis()) {
            case SESSIONAL -> PayCalculations.annualFromDayRate(terms.dayRate());
            case HOURLY -> PayCalculations.annualFromHourly(terms.hourlyRate());
            case UNPAID -> PayCalculations.unpaid();
            case SALARIED -> {
                PayYear year = PayYear.containing(item.effectiveFrom());
                Map<String, PayPoint> scale = scales.computeIfAbsent(year.toString(), y -> byBandAndPoint(year));
                PayPoint point = scale.get(terms.band().code() + "/" + terms.point());
                if (point == null) {
                    throw RuleBroken.at("records[" + item.index() + "].point", terms.band() + " has no point "
                            + terms.point() + " in pay year " + year);
                }
                BigDecimal basic = point.annualGbp();
                if (terms.hcasZone() == null) {
                    yield basic.setScale(2);
                }
                HcasZone zone = hcasZones.findByIdOptional(new HcasZone.Key(year.toString(), terms.hcasZone()))
                        .orElseThrow(() -> RuleBroken.at("records[" + item.index() + "].hcasZone",
                                "No High Cost Area zone " + terms.hcasZone() + " in pay year " + year));
                yield basic.add(zone.supplementOn(basic)).setScale(2);
            }
        };
    }

    private Map<String, PayPoint> byBandAndPoint(PayYear year) {
        Map<String, PayPoint> scale = new HashMap<>();
        payPoints.forYear(year).forEach(point -> scale.put(point.band().code() + "/" + point.point(), point));
        return scale;
    }

    public List<PayRecord> list(PayRecordRepository.Filter filter, Paging paging) {
        return records.list(filter, paging);
    }

    public long count(PayRecordRepository.Filter filter) {
        return records.count(filter);
    }
}
