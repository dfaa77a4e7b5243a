package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.directory.DirectoryOrganisation;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.FundingProgramme;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.events.TransparencyEvents;
import uk.org.lxp.payequity.repository.PayRecordRepository;

/**
 * The public transparency view: for every NHS trust (and other employer with LXP posts), whether it has an LXP post at Band 7 or above, its answer and posts
 * for each funding programme, its LXP band distribution and shares of fixed-term, sessional and unpaid posts, and its
 * open findings by rule. Aggregates only, fewer than 5 posts suppressed, never a staff or post reference. Computed at
 * most once per {@code lxp.transparency.refresh} and shared by every reader, since anyone may ask.
 */
@ApplicationScoped
public class TransparencyService {

    private static final int SENIOR_RANK = ParityRules.BANDS.indexOf("BAND_7");
    /** "LXPTRANS" */
    private static final long PUBLISH_LOCK = 0x4C58505452414E53L;

    @Schema(name = "TransparencyProgramme", description = "An organisation's answer to a funding programme and its posts")
    public record ProgrammeUptake(@Schema(example = "NHS England Band 7 lived experience leadership offer (2020)") String programme,
            @Schema(nullable = true, example = "SUCCESSFUL") String state,
            @Schema(example = "1") int postsFunded,
            @Schema(nullable = true, description = "Null where the organisation's figures are suppressed", example = "1")
            Integer postsCreated,
            @Schema(nullable = true, description = "Null where the organisation's figures are suppressed", example = "1")
            Integer postsFilled) {
    }

    @Schema(name = "TransparencyOrganisation", description = "One trust's LXP workforce in aggregate; the cohort figures"
            + " are null (suppressed) where it has fewer than 5 open LXP posts")
    public record OrganisationFigures(@Schema(example = "RGD") String odsCode,
            @Schema(example = "Leeds and York Partnership NHS Foundation Trust") String name,
            @Schema(nullable = true, example = "QWO") String icbCode,
            @Schema(description = "Whether it has an open LXP post at Band 7 or above") boolean lxpPostAtBand7OrAbove,
            boolean suppressed,
            @Schema(nullable = true, example = "39") Integer openLxpPosts,
            @Schema(nullable = true, description = "Open LXP posts by their role's band") Map<String, Integer> bandDistribution,
            @Schema(nullable = true, example = "10.3") BigDecimal fixedTermPercent,
            @Schema(nullable = true, description = "Of open posts with pay recorded; null under 5 of those", example = "10.3")
            BigDecimal sessionalPercent,
            @Schema(nullable = true, description = "Of open posts with pay recorded; null under 5 of those", example = "0.0")
            BigDecimal unpaidPercent,
            List<ProgrammeUptake> programmes,
            @Schema(nullable = true, description = "Open (and acknowledged) parity findings about it, by rule; null where"
                    + " its figures are suppressed") Map<String, Integer> openFindingsByRule) {
    }

    @Schema(name = "TransparencyReport")
    public record Report(@Schema(description = "The day the figures are for") LocalDate asOf, Instant computedAt,
            List<OrganisationFigures> organisations) {
    }

    private final EntityManager entities;
    private final PayRecordRepository payRecords;
    private final Organisations organisations;
    private final PublishedFigures published;
    private final TransparencyEvents events;
    private final Clock clock;
    private final Duration refresh;
    private final AtomicReference<Report> latest = new AtomicReference<>();

    TransparencyService(EntityManager entities, PayRecordRepository payRecords, Organisations organisations,
            PublishedFigures published, TransparencyEvents events, Clock clock,
            @ConfigProperty(name = "lxp.transparency.refresh") Duration refresh) {
        this.entities = entities;
        this.payRecords = payRecords;
        this.organisations = organisations;
        this.published = published;
        this.events = events;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Publishes each organisation's row on the compacted topic where it changed, one run at a time across replicas;
     * says how many. The rows computed become the view's latest.
     */
    public int publishChanged() {
        return QuarkusTransaction.requiringNew().call(() -> {
            entities.createNativeQuery("SELECT pg_advisory_xact_lock(" + PUBLISH_LOCK + ")").getSingleResult();
            Report report = compute();
            latest.set(report);
            int changed = 0;
            for (OrganisationFigures row : report.organisations()) {
                if (published.publishIfChanged(TransparencyEvents.TOPIC, row.odsCode(), row, () -> events.record(row))) {
                    changed++;
                }
            }
            return changed;
        });
    }

    public Report report() {
        Report held = latest.get();
        return held != null && isFresh(held) ? held : recompute();
    }

    /** One reader recomputes while the others wait for its answer, rather than each computing its own. */
    private synchronized Report recompute() {
        Report held = latest.get();
        if (held != null && isFresh(held)) {
            return held;
        }
        Report fresh = QuarkusTransaction.requiringNew().call(this::compute);
        latest.set(fresh);
        return fresh;
    }

    private boolean isFresh(Report report) {
        return report.computedAt().plus(refresh).isAfter(clock.instant());
    }

    private Report compute() {
        LocalDate today = Today.in(clock);
        List<Post> open = entities.createQuery("from Post p where p.status <> 'CLOSED'", Post.class).getResultList();
        Map<UUID, RoleProfile> profiles = entities.createQuery("from RoleProfile", RoleProfile.class)
                .getResultStream().collect(Collectors.toMap(RoleProfile::id, p -> p));
        Map<UUID, PayRecord> pay = payRecords.inForceOn(today, null);
        Map<String, List<Post>> postsOf = open.stream().collect(Collectors.groupingBy(Post::organisationOdsCode));
        List<FundingProgramme> programmes = entities.createQuery("from FundingProgramme", FundingProgramme.class)
                .getResultList();
        Map<String, Map<String, Integer>> findings = openFindingsByOrganisation();
        List<OrganisationFigures> rows = new ArrayList<>();
        for (DirectoryOrganisation organisation : organisations.all()) {
            List<Post> posts = postsOf.getOrDefault(organisation.odsCode(), List.of());
            boolean employer = "NHS_TRUST".equals(organisation.type())
                    || (!"INTEGRATED_CARE_BOARD".equals(organisation.type()) && !posts.isEmpty());
            if (!employer || !organisation.isOpenOn(today)) {
                continue;
            }
            rows.add(figures(organisation, today, posts, profiles, pay, programmes,
                    findings.getOrDefault(organisation.odsCode(), Map.of())));
        }
        rows.sort(Comparator.comparing(OrganisationFigures::odsCode));
        return new Report(today, clock.instant(), List.copyOf(rows));
    }

    private OrganisationFigures figures(DirectoryOrganisation organisation, LocalDate today, List<Post> posts,
            Map<UUID, RoleProfile> profiles, Map<UUID, PayRecord> pay,
            List<FundingProgramme> programmes, Map<String, Integer> findings) {
        boolean senior = posts.stream().map(post -> profiles.get(post.roleProfileId()))
                .anyMatch(profile -> profile != null && ParityRules.BANDS.indexOf(profile.band()) >= SENIOR_RANK);
        String icb = organisation.icbOn(today).orElse(null);
        if (posts.size() < SmallCohorts.MINIMUM) {
            // Of a handful of posts, counts of those created and filled, or a finding about them, could single one out.
            return new OrganisationFigures(organisation.odsCode(), organisation.name(), icb, senior, true, null, null,
                    null, null, null, uptake(organisation.odsCode(), posts, programmes, false), null);
        }
        List<ProgrammeUptake> uptake = uptake(organisation.odsCode(), posts, programmes, true);
        Map<String, Integer> bands = new TreeMap<>(Comparator.comparingInt(band -> ParityRules.BANDS.contains(band)
                ? ParityRules.BANDS.indexOf(band) : ParityRules.BANDS.size()));
        posts.forEach(post -> bands.merge(profiles.containsKey(post.roleProfileId())
                ? profiles.get(post.roleProfileId()).band() : "UNKNOWN", 1, Integer::sum));
        List<PayRecord> paid = posts.stream().map(post -> pay.get(post.id())).filter(record -> record != null).toList();
        boolean payShown = paid.size() >= SmallCohorts.MINIMUM;
        return new OrganisationFigures(organisation.odsCode(), organisation.name(), icb, senior, false, posts.size(), bands,
                percent(posts, Post::isFixedTerm),
                payShown ? percent(paid, record -> record.basis() == PayBasis.SESSIONAL) : null,
                payShown ? percent(paid, record -> record.basis() == PayBasis.UNPAID) : null, uptake, findings);
    }

    /**
     * Programmes the organisation answered or has posts of: its answer, the posts funded and, where {@code postCounts},
     * the posts created and filled.
     */
    private static List<ProgrammeUptake> uptake(String organisation, List<Post> posts, List<FundingProgramme> programmes,
            boolean postCounts) {
        List<ProgrammeUptake> uptake = new ArrayList<>();
        for (FundingProgramme programme : programmes) {
            FundingProgramme.Answer answer = programme.answers().stream()
                    .filter(a -> a.organisation().equals(organisation)).findFirst().orElse(null);
            List<Post> funded = posts.stream().filter(post -> programme.id().equals(post.fundingProgrammeId())).toList();
            if (answer == null && funded.isEmpty()) {
                continue;
            }
            uptake.add(new ProgrammeUptake(programme.name(), answer == null ? null : answer.state(),
                    answer != null && answer.holdsAward() ? programme.postsPerOrganisation() : 0,
                    postCounts ? funded.size() : null,
                    postCounts ? (int) funded.stream().filter(post -> "FILLED".equals(post.status())).count() : null));
        }
        uptake.sort(Comparator.comparing(ProgrammeUptake::programme));
        return uptake;
    }

    private Map<String, Map<String, Integer>> openFindingsByOrganisation() {
        Map<String, Map<String, Integer>> byOrganisation = new HashMap<>();
        entities.createQuery("select f.organisation, f.rule, count(f) from ParityFinding f where f.status <> :resolved"
                        + " and f.organisation is not null group by f.organisation, f.rule", Object[].class)
                .setParameter("resolved", ParityFinding.Status.RESOLVED).getResultStream()
                .forEach(row -> byOrganisation.computeIfAbsent((String) row[0], o -> new TreeMap<>())
                        .put(row[1].toString(), ((Long) row[2]).intValue()));
        return byOrganisation;
    }

    private static <T> BigDecimal percent(List<T> items, Predicate<T> counted) {
        if (items.isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(items.stream().filter(counted).count() * 100.0 / items.size())
                .setScale(1, RoundingMode.HALF_UP);
    }
}
