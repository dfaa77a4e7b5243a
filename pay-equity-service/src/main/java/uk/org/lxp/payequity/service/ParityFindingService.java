package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.events.ParityFindingEvents;
import uk.org.lxp.payequity.repository.PayPointRepository;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;

/** Runs the parity rules over this service's data and keeps the findings, their lifecycle and their events. */
@ApplicationScoped
public class ParityFindingService {

    /** "LXPPARIT" */
    private static final long EVALUATION_LOCK = 0x4C58505041524954L;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final EntityManager entities;
    private final DataSource dataSource;
    private final Organisations organisations;
    private final PayPointRepository payPoints;
    private final SystemPayStandardRepository systemStandards;
    private final ParityFindingEvents events;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    ParityFindingService(EntityManager entities, DataSource dataSource, Organisations organisations,
            PayPointRepository payPoints, SystemPayStandardRepository systemStandards, ParityFindingEvents events,
            Audit audit, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.dataSource = dataSource;
        this.organisations = organisations;
        this.payPoints = payPoints;
        this.systemStandards = systemStandards;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

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
            Map<String, Object> evidence = json.convertValue(finding.evidence(), OBJECT);
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
        Map<UUID, PayRecord> inForce = new HashMap<>();
        entities.createQuery("from PayRecord r where r.effectiveFrom <= :today", PayRecord.class)
                .setParameter("today", today).getResultStream()
                .forEach(r -> inForce.merge(r.postId(), r, (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b));
        List<ParityRules.Post> posts = entities.createQuery("from Post", Post.class).getResultStream()
                .map(p -> {
                    PayRecord pay = inForce.get(p.id());
                    return new ParityRules.Post(p.id(), p.organisationOdsCode(), p.roleProfileId(), p.status(),
                            p.isFixedTerm(), p.closedOn(), pay == null ? null : pay.basis(),
                            pay == null ? null : pay.terms().dayRate());
                })
                .toList();
        Map<String, BigDecimal> entry = new HashMap<>();
        payPoints.forYear(PayYear.containing(today)).stream().filter(point -> point.point() == 1)
                .forEach(point -> entry.put(point.band().name(), point.annualGbp()));
        List<ParityRules.Standard> standards = systemStandards.inForceOn(today).stream()
                .map(s -> new ParityRules.Standard(s.icbOdsCode(), s.family(), s.level(), s.band().name(), s.effectiveFrom()))
                .toList();
        return new ParityRules.Facts(known, profiles, posts, comparators(), entry, today, standards);
    }

    /** Per organisation: comparator count, how many fixed-term, and the median band of staff group 07. */
    private List<ParityRules.Comparators> comparators() {
        Map<String, int[]> totals = new TreeMap<>();
        Map<String, List<String>> bands07 = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement totalsQuery = connection.prepareStatement("""
                     SELECT organisation_ods_code, count(*), count(*) FILTER (WHERE fixed_term) FROM comparator_record
                     GROUP BY organisation_ods_code
                     """);
             PreparedStatement bandsQuery = connection.prepareStatement("""
                     SELECT organisation_ods_code, band, count(*) FROM comparator_record WHERE staff_group_code = '07'
                     GROUP BY organisation_ods_code, band
                     """)) {
            try (ResultSet rows = totalsQuery.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
            try (ResultSet rows = bandsQuery.executeQuery()) {
                while (rows.next()) {
                    String band = "BAND_" + rows.getString(2).toUpperCase();
                    for (int i = 0; i < rows.getInt(3); i++) {
                        bands07.computeIfAbsent(rows.getString(1), o -> new ArrayList<>()).add(band);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarise the comparator workforce", e);
        }
        List<ParityRules.Comparators> summaries = new ArrayList<>();
        totals.forEach((organisation, counts) -> {
            List<String> bands = bands07.getOrDefault(organisation, List.of()).stream()
                    .sorted((a, b) -> Integer.compare(bandRank(a), bandRank(b))).toList();
            String median = bands.isEmpty() ? null : bands.get((bands.size() - 1) / 2);
            summaries.add(new ParityRules.Comparators(organisation, counts[0], counts[1], median));
        });
        return summaries;
    }

    private static int bandRank(String band) {
        return ParityRules.BANDS.indexOf(band);
    }
}
