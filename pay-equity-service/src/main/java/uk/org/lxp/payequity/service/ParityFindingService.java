package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.FundingProgramme;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayPoint;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.events.ParityFindingEvents;
import uk.org.lxp.payequity.repository.ComparatorRepository;
import uk.org.lxp.payequity.repository.PayPointRepository;
import uk.org.lxp.payequity.repository.PayRecordRepository;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;

/** Runs the parity rules over this service's data and keeps the findings, their lifecycle and their events. */
@ApplicationScoped
public class ParityFindingService {

    /** "LXPPARIT" */
    private static final long EVALUATION_LOCK = 0x4C58505041524954L;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final EntityManager entities;
    private final ComparatorRepository comparators;
    private final PayRecordRepository payRecords;
    private final Organisations organisations;
    private final PayPointRepository payPoints;
    private final SystemPayStandardRepository systemStandards;
    private final ParityFindingEvents events;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    ParityFindingService(EntityManager entities, ComparatorRepository comparators, PayRecordRepository payRecords,
            Organisations organisations, PayPointRepository payPoints, SystemPayStandardRepository systemStandards,
            ParityFindingEvents events, Audit audit, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.comparators = comparators;
        this.payRecords = payRecords;
        this.organisations = organisations;
        this.payPoints = payPoints;
        this.systemStandards = systemStandards;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Schema(name = "ParityEvaluationResult")
    public record Evaluation(int raised, int updated, int reopened, int resolved, long open) {
    }

    /** Evaluates every rule now: raises new findings, updates and reopens known ones, resolves those gone. */
    @Transactional
    public Evaluation evaluate() {
        // One evaluation at a time across replicas and triggers; the lock ends with the transaction.
        entities.createNativeQuery("SELECT pg_advisory_xact_lock(" + EVALUATION_LOCK + ")").getSingleResult();
        Instant now = clock.instant();
        List<ParityRules.Finding> found = ParityRules.evaluate(facts(Today.in(clock)));
        Map<String, ParityFinding> held = entities.createQuery("from ParityFinding", ParityFinding.class)
                .getResultStream().collect(Collectors.toMap(ParityFinding::key, Function.identity()));
        int raised = 0;
        int updated = 0;
        int reopened = 0;
        int resolved = 0;
        for (ParityRules.Finding finding : found) {
            Map<String, Object> evidence = storedForm(finding.evidence());
            ParityFinding existing = held.remove(finding.key());
            if (existing == null) {
                ParityFinding created = new ParityFinding(finding, evidence, now);
                entities.persist(created);
                entities.flush();
                events.record(ParityFindingEvents.RAISED, created);
                raised++;
                continue;
            }
            ParityFinding.Change change = existing.detectedAgain(finding, evidence, now);
            if (change != ParityFinding.Change.UNCHANGED) {
                entities.flush();
                events.record(change == ParityFinding.Change.REOPENED ? ParityFindingEvents.REOPENED : ParityFindingEvents.UPDATED,
                        existing);
                if (change == ParityFinding.Change.REOPENED) {
                    reopened++;
                } else {
                    updated++;
                }
            }
        }
        for (ParityFinding gone : held.values()) {
            if (gone.notDetected(now) == ParityFinding.Change.RESOLVED_BY_RULES) {
                entities.flush();
                events.record(ParityFindingEvents.RESOLVED, gone);
                resolved++;
            }
        }
        long open = entities.createQuery("select count(f) from ParityFinding f where f.status <> :resolved", Long.class)
                .setParameter("resolved", ParityFinding.Status.RESOLVED).getSingleResult();
        return new Evaluation(raised, updated, reopened, resolved, open);
    }

    /**
     * Evidence as it reads back from its JSON column, so that it compares equal to what is held: an amount such as a
     * day rate of 95.00 reads back as a double, never as the BigDecimal the rules wrote.
     */
    private Map<String, Object> storedForm(Map<String, Object> evidence) {
        try {
            return json.readValue(json.writeValueAsString(evidence), OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a finding's evidence as JSON", e);
        }
    }

    @Transactional
    public ParityFinding acknowledge(UUID id, String ifMatch, String comment, Consumer<ParityFinding> mayChange) {
        return change(id, ifMatch, mayChange, finding -> finding.acknowledge(comment, clock.instant()),
                ParityFindingEvents.ACKNOWLEDGED, "parity-finding.acknowledged", comment);
    }

    @Transactional
    public ParityFinding resolve(UUID id, String ifMatch, String comment, Consumer<ParityFinding> mayChange) {
        return change(id, ifMatch, mayChange, finding -> finding.resolve(comment, clock.instant()),
                ParityFindingEvents.RESOLVED, "parity-finding.resolved", comment);
    }

    public ParityFinding load(UUID id) {
        ParityFinding finding = entities.find(ParityFinding.class, id);
        if (finding == null) {
            throw NotFound.of("parity finding", id);
        }
        return finding;
    }

    private ParityFinding change(UUID id, String ifMatch, Consumer<ParityFinding> mayChange,
            Consumer<ParityFinding> transition, String eventType, String action, String comment) {
        ParityFinding finding = load(id);
        mayChange.accept(finding);
        ETags.requireMatch(ifMatch, finding.version());
        try {
            transition.accept(finding);
        } catch (IllegalStateException conflict) {
            throw new Conflict(conflict.getMessage());
        }
        entities.flush();
        events.record(eventType, finding);
        audit.record(action, "parity-finding", id.toString(), Map.of("comment", comment));
        return finding;
    }

    /** Everything the rules look at, as it stands today. */
    private ParityRules.Facts facts(LocalDate today) {
        List<ParityRules.Organisation> known = organisations.all().stream()
                .map(o -> new ParityRules.Organisation(o.odsCode(), o.icbOn(today).orElse(null)))
                .toList();
        List<ParityRules.Profile> profiles = entities.createQuery("from RoleProfile", RoleProfile.class).getResultStream()
                .map(p -> new ParityRules.Profile(p.id(), p.ownerOdsCode(), p.title(), p.family(), p.level(), p.band(),
                        p.status(), p.evaluatedBands(), p.jobWeightMinimum(), p.jobWeightMaximum()))
                .toList();
        Map<UUID, PayRecord> inForce = payRecords.inForceOn(today, null);
        PayYear year = PayYear.containing(today);
        List<PayPoint> scale = payPoints.forYear(year);
        BiFunction<AfcBand, Integer, BigDecimal> annualOfPoint = PayPointRepository.annualOfPoint(scale);
        List<ParityRules.Post> posts = entities.createQuery("from Post", Post.class).getResultStream()
                .map(p -> {
                    PayRecord.Terms pay = Optional.ofNullable(inForce.get(p.id())).map(PayRecord::terms).orElse(null);
                    return new ParityRules.Post(p.id(), p.organisationOdsCode(), p.roleProfileId(), p.status(),
                            p.isFixedTerm(), p.closedOn(), pay == null ? null : pay.basis(),
                            pay == null ? null : pay.dayRate(),
                            pay == null ? null : pay.basicFullTime(annualOfPoint).orElse(null), p.fundingProgrammeId(),
                            p.vacantSince());
                })
                .toList();
        Map<String, BigDecimal> entry = new HashMap<>();
        scale.stream().filter(point -> point.point() == 1)
                .forEach(point -> entry.put(point.band().name(), point.annualGbp()));
        List<ParityRules.Standard> standards = systemStandards.inForceOn(today).stream()
                .map(SystemPayStandard::asRule)
                .toList();
        List<FundingProgramme> funding = entities.createQuery("from FundingProgramme", FundingProgramme.class)
                .getResultList();
        List<ParityRules.Programme> programmes = funding.stream().map(f -> new ParityRules.Programme(f.id(), f.name(),
                f.fundedBand(), f.postsPerOrganisation())).toList();
        List<ParityRules.Award> awards = funding.stream().flatMap(f -> f.answers().stream()
                .filter(FundingProgramme.Answer::holdsAward)
                .map(answer -> new ParityRules.Award(f.id(), answer.organisation(), answer.awardedOn()))).toList();
        return new ParityRules.Facts(known, profiles, posts, comparators.summaries(), entry, today, standards,
                comparators.payByBand(year), programmes, awards);
    }

}
