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

import uk.org.lxp.api.Audit;
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

    public record Item(String postReference, LocalDate effectiveFrom, PayRecord.Terms terms) {
    }

    public record Result(int created, int changed, int unchanged) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result upsert(String organisation, List<Item> items) {
        Set<String> references = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Item item : items) {
            references.add(item.postReference());
            if (!keys.add(item.postReference() + "@" + item.effectiveFrom())) {
                throw new InvalidPayRecordException("Post " + item.postReference() + " has two records from "
                        + item.effectiveFrom() + " in the request");
            }
        }
        Map<String, Post> known = posts.byReference(organisation, references);
        List<String> unknown = references.stream().filter(reference -> !known.containsKey(reference)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownPostsException(organisation, unknown);
        }
        Map<String, PayRecord> existing = records.byPostAndDate(known.values().stream().map(Post::id).toList());
        Map<String, Map<String, PayPoint>> scales = new HashMap<>();
        Instant now = clock.instant();
        int created = 0;
        int changed = 0;
        List<Audit.Entry> trail = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Post post = known.get(item.postReference());
            BigDecimal annual = fteAnnualised(item, scales, i);
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
    private BigDecimal fteAnnualised(Item item, Map<String, Map<String, PayPoint>> scales, int index) {
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
                    throw new InvalidPayRecordException("records[" + index + "] (" + item.postReference() + "): Band "
                            + terms.band().code() + " has no point " + terms.point() + " in pay year " + year);
                }
                BigDecimal basic = point.annualGbp();
                if (terms.hcasZone() == null) {
                    yield basic.setScale(2);
                }
                HcasZone zone = hcasZones.findByIdOptional(new HcasZone.Key(year.toString(), terms.hcasZone()))
                        .orElseThrow(() -> new InvalidPayRecordException("records[" + index + "]: no High Cost Area zone "
                                + terms.hcasZone() + " in pay year " + year));
                yield basic.add(zone.supplementOn(basic)).setScale(2);
            }
        };
    }

    private Map<String, PayPoint> byBandAndPoint(PayYear year) {
        Map<String, PayPoint> scale = new HashMap<>();
        payPoints.forYear(year).forEach(point -> scale.put(point.band().code() + "/" + point.point(), point));
        return scale;
    }

    public List<PayRecord> list(String organisation, UUID post, int page, int size) {
        return records.list(organisation, post, page, size);
    }

    public long count(String organisation, UUID post) {
        return records.count(organisation, post);
    }
}
