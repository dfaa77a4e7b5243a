package uk.org.lxp.payequity.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.http.problems.Refused;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.CostToClose;
import uk.org.lxp.payequity.CostToClose.Award;
import uk.org.lxp.payequity.CostToClose.Gap;
import uk.org.lxp.payequity.CostToClose.Move;
import uk.org.lxp.payequity.CostToClose.Outcome;
import uk.org.lxp.payequity.CostToClose.Position;
import uk.org.lxp.payequity.CostToClose.Target;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.repository.ComparatorRepository;
import uk.org.lxp.payequity.repository.HcasZoneRepository;
import uk.org.lxp.payequity.repository.PayPointRepository;
import uk.org.lxp.payequity.repository.PayRecordRepository;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;

/**
 * The cost of closing LXP posts' pay gaps to a target in an organisation, an ICB or the nation: each open post's pay
 * record in force, priced on the pay year's scale (a salaried post at its band and point of that year, HCAS of its zone
 * included), the rises {@link CostToClose} finds, employer on-costs on top, totals by organisation, family and level.
 * Posts are listed only where the caller may see person-level data; other organisations' figures only as totals,
 * small ones suppressed.
 */
@ApplicationScoped
public class CostToCloseService {

    private final EntityManager entities;
    private final PayRecordRepository payRecords;
    private final PayPointRepository payPoints;
    private final HcasZoneRepository hcasZones;
    private final SystemPayStandardRepository systemStandards;
    private final ComparatorRepository comparators;
    private final Organisations organisations;
    private final BigDecimal defaultOnCostsPercent;
    private final Clock clock;

    CostToCloseService(EntityManager entities, PayRecordRepository payRecords, PayPointRepository payPoints,
            HcasZoneRepository hcasZones, SystemPayStandardRepository systemStandards, ComparatorRepository comparators,
            Organisations organisations,
            @ConfigProperty(name = "lxp.cost-to-close.employer-on-costs-percent") BigDecimal defaultOnCostsPercent,
            Clock clock) {
        this.entities = entities;
        this.payRecords = payRecords;
        this.payPoints = payPoints;
        this.hcasZones = hcasZones;
        this.systemStandards = systemStandards;
        this.comparators = comparators;
        this.organisations = organisations;
        this.defaultOnCostsPercent = defaultOnCostsPercent;
        this.clock = clock;
    }

    /** What to cost; a null on-costs rate takes the configured one, a null budget costs every gap. */
    public record Request(Reach reach, Target target, Move move, PayYear year, BigDecimal onCostsPercent,
            BigDecimal budget, BigDecimal capPerPost) {
    }

    /** What the caller may see: the posts of which organisations, and whether small figures too (lxp-admin). */
    public record Viewer(Predicate<String> seesPostsOf, boolean seesSmallCohorts) {

        boolean seesInDetail(String organisation) {
            return seesSmallCohorts || seesPostsOf.test(organisation);
        }
    }

    @Schema(name = "CostToCloseTotals", description = "Posts below the target and what closing their gaps costs a year."
            + " Suppressed (every figure null) where fewer than 5 posts of organisations the caller may not see in detail"
            + " would show, or where the total less the rows shown would show them.")
    public record Totals(boolean suppressed,
            @Schema(nullable = true, example = "12") Integer posts,
            @Schema(nullable = true, description = "Rises of basic pay and HCAS at each post's FTE", example = "18450.20") BigDecimal payRise,
            @Schema(nullable = true, description = "Employer on-costs on the rises", example = "4612.55") BigDecimal onCosts,
            @Schema(nullable = true, description = "Pay rise plus on-costs", example = "23062.75") BigDecimal annualCost,
            @Schema(nullable = true, description = "Budget mode: what the budget pays of it", example = "15000.00") BigDecimal funded,
            @Schema(nullable = true, description = "Budget mode: the annual cost left unpaid", example = "8062.75") BigDecimal residualGap) {

        static Totals suppressedOnes() {
            return new Totals(true, null, null, null, null, null, null);
        }
    }

    @Schema(name = "CostToCloseOrganisation")
    public record OrganisationTotals(@Schema(example = "RGD") String organisationCode, Totals totals) {
    }

    @Schema(name = "CostToCloseFamilyAndLevel")
    public record FamilyAndLevelTotals(@Schema(example = "PEER_SUPPORT") String family,
            @Schema(example = "ENTRY") String level, Totals totals) {
    }

    @Schema(name = "CostToClosePost", description = "One post below the target: full-time figures are for a full-time"
            + " year before the post's FTE is applied")
    public record PostGap(UUID postId, @Schema(example = "RGD-PSW-014") String postReference,
            @Schema(example = "RGD") String organisationCode, UUID roleProfileId,
            @Schema(example = "Peer Support Worker") String title, @Schema(example = "PEER_SUPPORT") String family,
            @Schema(example = "ENTRY") String level,
            @Schema(nullable = true, description = "The role's band; null outside Agenda for Change", example = "BAND_3") AfcBand band,
            @Schema(example = "SALARIED") PayBasis basis,
            @Schema(example = "0.80") BigDecimal fte,
            @Schema(description = "Basic pay for a full-time year now", example = "27476.00") BigDecimal basicFullTime,
            @Schema(nullable = true, description = "Sessional posts: the day rate now", example = "90.00") BigDecimal dayRate,
            @Schema(example = "BAND_4") AfcBand targetBand,
            @Schema(description = "Basic pay for a full-time year at the target", example = "28392.00") BigDecimal targetBasicFullTime,
            @Schema(nullable = true, description = "Sessional floor: the day rate at the target", example = "98.81") BigDecimal targetDayRate,
            @Schema(description = "Share of the target's basic pay missing now, in percent", example = "3.2") BigDecimal gapPercent,
            @Schema(description = "The rise of basic pay and HCAS for a full-time year", example = "916.00") BigDecimal riseFullTime,
            @Schema(description = "The rise at the post's FTE", example = "732.80") BigDecimal payRise, @Schema(example = "183.20") BigDecimal onCosts,
            @Schema(example = "916.00") BigDecimal annualCost,
            @Schema(nullable = true, description = "Budget mode: what the budget pays this post", example = "916.00") BigDecimal funded,
            @Schema(nullable = true, description = "Budget mode: how the post fared") Outcome outcome) {
    }

    @Schema(name = "CostToCloseBudget", description = "A budget spent deepest gap first; outcomes suppressed with the total")
    public record BudgetOutcome(@Schema(example = "20000.00") BigDecimal budget,
            @Schema(nullable = true, example = "3000.00") BigDecimal capPerPost, boolean suppressed,
            @Schema(nullable = true, example = "19240.50") BigDecimal spent,
            @Schema(nullable = true, example = "759.50") BigDecimal left,
            @Schema(nullable = true, example = "3822.25") BigDecimal residualGap,
            @Schema(nullable = true, description = "Posts brought all the way to the target", example = "9") Long postsLifted,
            @Schema(nullable = true, description = "Posts whose rise the cap cut short", example = "2") Long postsRaisedPartWay,
            @Schema(nullable = true, description = "Posts the money left could not pay for", example = "1") Long postsNotFunded) {
    }

    @Schema(name = "CostToCloseReport")
    public record Report(@Schema(example = "ICB") String scopeLevel,
            @Schema(nullable = true, description = "ODS code of the organisation or ICB; null for the nation", example = "QWO") String scopeCode,
            Target target, Move move, @Schema(example = "2026-27") String payYear,
            @Schema(description = "The day whose pay records are costed (the pay year's last day, or today); posts, roles,"
                    + " evaluations and standards are taken as they stand on it or, for a past year, as they stand now")
            LocalDate asOf,
            @Schema(example = "25.0") BigDecimal employerOnCostsPercent, Totals total,
            List<OrganisationTotals> byOrganisation, List<FamilyAndLevelTotals> byFamilyAndLevel,
            @Schema(description = "Deepest gap first; only posts of organisations whose person-level data the caller may read")
            List<PostGap> posts,
            @Schema(description = "Open posts with a pay record the target gives no band for (not evaluated, no standard,"
                    + " too few comparators, a role outside Agenda for Change)", example = "3") int postsWithoutTarget,
            @Schema(description = "Open posts with no pay record in force, or a point not on the year's scale", example = "1")
            int postsWithoutPayRecord,
            @Schema(nullable = true) BudgetOutcome budget) {
    }

    /** One organisation's figures for a target as dashboards get them: no post, small figures suppressed. */
    public record OrganisationFigures(Target target, Totals total, List<FamilyAndLevelTotals> byFamilyAndLevel,
            int postsWithoutTarget, int postsWithoutPayRecord) {

        /** The figures of an organisation left with no open post. */
        public static OrganisationFigures none(Target target) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            return new OrganisationFigures(target, new Totals(false, 0, zero, zero, zero, null, null), List.of(), 0, 0);
        }
    }

    public Report report(Request request, Viewer viewer) {
        LocalDate asOf = asOf(request.year());
        BigDecimal onCosts = onCosts(request.onCostsPercent());
        Establishment establishment = establishment(request.reach(), request.year(), asOf);
        Costing costing = positions(establishment, request.target(), asOf);
        List<Gap> gaps = CostToClose.gaps(costing.positions(), request.target(), request.move(), establishment.scale(),
                onCosts);
        if (request.budget() != null && gaps.stream().anyMatch(g -> !viewer.seesInDetail(g.position().organisation()))) {
            // What a budget buys, tried with one budget or cap after another, would give away other organisations' posts.
            throw new Refused("Budget mode needs sight of every post it spends on: ask for your own organisation (or,"
                    + " as an ICS analyst, your ICB)");
        }
        Optional<CostToClose.Spending> spending = Optional.ofNullable(request.budget())
                .map(budget -> CostToClose.spend(gaps, budget, request.capPerPost()));
        Map<UUID, Award> awards = spending.map(s -> s.awards().stream()
                .collect(Collectors.toMap(a -> a.gap().position().postId(), Function.identity()))).orElse(Map.of());
        Summary summary = summarise(gaps, viewer, awards, request.budget() != null);
        return new Report(scopeLevel(request.reach()), scopeCode(request.reach()), request.target(), request.move(),
                request.year().toString(), asOf, onCosts, summary.total(), summary.byOrganisation(),
                summary.byFamilyAndLevel(),
                gaps.stream().filter(g -> viewer.seesPostsOf().test(g.position().organisation()))
                        .map(g -> postGap(g, awards.get(g.position().postId()))).toList(),
                costing.withoutTarget().values().stream().mapToInt(Integer::intValue).sum(),
                costing.withoutPay().values().stream().mapToInt(Integer::intValue).sum(),
                spending.map(s -> budgetOutcome(s, summary.total().suppressed())).orElse(null));
    }

    /**
     * Every organisation's figures for every target, in the targets' order, at the entry point with the configured
     * on-costs: what the figures events publish. The nation's posts and pay are read once and costed per target; an
     * organisation appears when it has open posts.
     */
    public Map<String, List<OrganisationFigures>> figuresByOrganisation(PayYear year) {
        LocalDate asOf = asOf(year);
        Establishment establishment = establishment(new Reach.National(), year, asOf);
        Viewer dashboard = new Viewer(organisation -> false, false);
        Map<String, List<OrganisationFigures>> figures = new TreeMap<>();
        for (Target target : Target.values()) {
            Costing costing = positions(establishment, target, asOf);
            Map<String, List<Gap>> gaps = CostToClose.gaps(costing.positions(), target, Move.ENTRY_POINT,
                    establishment.scale(), onCosts(null)).stream()
                    .collect(Collectors.groupingBy(g -> g.position().organisation()));
            for (String organisation : costing.organisations()) {
                Summary summary = summarise(gaps.getOrDefault(organisation, List.of()), dashboard, Map.of(), false);
                figures.computeIfAbsent(organisation, o -> new ArrayList<>()).add(new OrganisationFigures(target,
                        summary.total(), summary.byFamilyAndLevel(), costing.withoutTarget().getOrDefault(organisation, 0),
                        costing.withoutPay().getOrDefault(organisation, 0)));
            }
        }
        return figures;
    }

    private LocalDate asOf(PayYear year) {
        LocalDate today = Today.in(clock);
        if (year.firstDay().isAfter(today)) {
            throw RuleBroken.inQuery("payYear", "Pay year " + year + " has not started");
        }
        return year.lastDay().isBefore(today) ? year.lastDay() : today;
    }

    public BigDecimal defaultOnCostsPercent() {
        return defaultOnCostsPercent;
    }

    private BigDecimal onCosts(BigDecimal requested) {
        return requested != null ? requested : defaultOnCostsPercent;
    }

    private record Summary(Totals total, List<OrganisationTotals> byOrganisation,
            List<FamilyAndLevelTotals> byFamilyAndLevel) {
    }

    /** Totals for the reach, by organisation and by family and level, suppressed as the viewer requires. */
    private static Summary summarise(List<Gap> gaps, Viewer viewer, Map<UUID, Award> awards, boolean budgetMode) {
        Breakdown<String> byOrganisation = breakdown(gaps, viewer, g -> g.position().organisation(), awards, budgetMode);
        Breakdown<String> byFamilyAndLevel = breakdown(gaps, viewer,
                g -> g.position().family() + "|" + g.position().level(), awards, budgetMode);
        long unseen = gaps.stream().filter(g -> !viewer.seesInDetail(g.position().organisation())).count();
        boolean totalSuppressed = byOrganisation.totalGivesAway() || byFamilyAndLevel.totalGivesAway()
                || (unseen > 0 && unseen < SmallCohorts.MINIMUM);
        return new Summary(totalSuppressed ? Totals.suppressedOnes() : totals(gaps, awards, budgetMode),
                byOrganisation.rows().entrySet().stream().map(e -> new OrganisationTotals(e.getKey(), e.getValue())).toList(),
                byFamilyAndLevel.rows().entrySet().stream().map(e -> new FamilyAndLevelTotals(
                        e.getKey().substring(0, e.getKey().indexOf('|')), e.getKey().substring(e.getKey().indexOf('|') + 1),
                        e.getValue())).toList());
    }

    /** Whether the pay year has a scale: the figures events skip a year not loaded yet rather than fail. */
    public boolean hasScale(PayYear year) {
        return payPoints.hasYear(year);
    }

    private CostToClose.Scale scaleOf(PayYear year) {
        Map<AfcBand, List<BigDecimal>> points = new TreeMap<>();
        payPoints.forYear(year).forEach(point -> points.computeIfAbsent(point.band(), b -> new ArrayList<>())
                .add(point.annualGbp()));
        if (points.isEmpty()) {
            throw RuleBroken.inQuery("payYear", "No pay scale is loaded for " + year);
        }
        return new CostToClose.Scale(points);
    }

    /** What costing reads, once per request whatever the target: open posts with their roles, pay, scale and HCAS. */
    private record Establishment(List<Object[]> postsWithProfiles, Map<UUID, PayRecord> inForce, CostToClose.Scale scale,
            Map<String, CostToClose.Supplement> zones) {
    }

    private Establishment establishment(Reach reach, PayYear year, LocalDate asOf) {
        List<Object[]> rows = openPostsWithProfiles(reach, asOf);
        Map<UUID, PayRecord> inForce = payRecords.inForceOn(asOf, reach instanceof Reach.National ? null
                : rows.stream().map(row -> ((Post) row[0]).id()).toList());
        Map<String, CostToClose.Supplement> zones = new HashMap<>();
        hcasZones.list("key.payYear", year.toString()).forEach(zone -> zones.put(zone.zone(), zone.terms()));
        return new Establishment(rows, inForce, scaleOf(year), zones);
    }

    /** The posts to cost, and per organisation those with open posts and how many could not be costed, and why. */
    private record Costing(List<Position> positions, Set<String> organisations, Map<String, Integer> withoutTarget,
            Map<String, Integer> withoutPay) {
    }

    /** The open posts in reach, each with its pay now and the band the target asks of it. */
    private Costing positions(Establishment establishment, Target target, LocalDate asOf) {
        BiFunction<RoleProfile, String, AfcBand> targetOf = targetBands(target, asOf);

        List<Position> positions = new ArrayList<>();
        Set<String> organisationsWithPosts = new TreeSet<>();
        Map<String, Integer> withoutTarget = new HashMap<>();
        Map<String, Integer> withoutPay = new HashMap<>();
        for (Object[] row : establishment.postsWithProfiles()) {
            Post post = (Post) row[0];
            RoleProfile profile = (RoleProfile) row[1];
            organisationsWithPosts.add(post.organisationOdsCode());
            PayRecord record = establishment.inForce().get(post.id());
            PayRecord.Terms terms = record == null ? null : record.terms();
            BigDecimal basic = terms == null ? null
                    : terms.basicFullTime(establishment.scale()::annualOf).orElse(null);
            if (basic == null) {
                withoutPay.merge(post.organisationOdsCode(), 1, Integer::sum);
                continue;
            }
            if (target == Target.SESSIONAL_DAY_RATE_FLOOR && terms.basis() != PayBasis.SESSIONAL) {
                continue;
            }
            AfcBand targetBand = targetOf.apply(profile, post.organisationOdsCode());
            if (targetBand == null) {
                withoutTarget.merge(post.organisationOdsCode(), 1, Integer::sum);
                continue;
            }
            positions.add(new Position(post.id(), post.postReference(), post.organisationOdsCode(), profile.id(),
                    profile.title(), profile.family(), profile.level(), AfcBand.named(profile.band()).orElse(null),
                    terms.basis(), terms.fte(), basic, terms.dayRate(),
                    terms.hcasZone() == null ? null : establishment.zones().get(terms.hcasZone()), targetBand));
        }
        return new Costing(positions, organisationsWithPosts, withoutTarget, withoutPay);
    }

    private List<Object[]> openPostsWithProfiles(Reach reach, LocalDate asOf) {
        String jpql = "select p, r from Post p, RoleProfile r where p.roleProfileId = r.id and p.status <> 'CLOSED'";
        if (reach instanceof Reach.Organisation organisation) {
            return entities.createQuery(jpql + " and p.organisationOdsCode = :code", Object[].class)
                    .setParameter("code", organisation.odsCode()).getResultList();
        }
        if (reach instanceof Reach.Icb icb) {
            Set<String> members = organisations.membersOf(icb.odsCode(), asOf);
            return members.isEmpty() ? List.of() : entities.createQuery(jpql + " and p.organisationOdsCode in :members",
                    Object[].class).setParameter("members", members).getResultList();
        }
        return entities.createQuery(jpql, Object[].class).getResultList();
    }

    /**
     * The band the target asks of a post of a role in an organisation. The organisation is the post's: a post may hold
     * a national template role, which belongs to no organisation.
     */
    private BiFunction<RoleProfile, String, AfcBand> targetBands(Target target, LocalDate asOf) {
        return switch (target) {
            case EVALUATED_BAND -> (profile, organisation) -> profile.evaluatedBands().stream().findFirst()
                    .flatMap(AfcBand::named).orElse(null);
            case SESSIONAL_DAY_RATE_FLOOR -> (profile, organisation) -> AfcBand.named(profile.band()).orElse(null);
            case SYSTEM_STANDARD -> {
                List<ParityRules.Standard> standards = systemStandards.inForceOn(asOf).stream()
                        .map(SystemPayStandard::asRule).toList();
                yield (profile, organisation) -> organisations.icbOf(organisation, asOf)
                        .flatMap(icb -> ParityRules.standardFor(standards, icb, profile.family(), profile.level(),
                                profile.evaluatedBands()))
                        .flatMap(standard -> AfcBand.named(standard.band())).orElse(null);
            }
            case COMPARATOR_MEDIAN_BAND -> {
                Map<String, AfcBand> medians = new HashMap<>();
                // As BELOW_COMPARATOR reads it: an organisation with at least 5 comparators, by its 07s' median band.
                comparators.summaries().stream().filter(c -> c.count() >= SmallCohorts.MINIMUM)
                        .forEach(c -> AfcBand.named(c.medianBandOfGroup07()).ifPresent(band -> medians.put(c.organisation(), band)));
                yield (profile, organisation) -> medians.get(organisation);
            }
        };
    }

    private record Breakdown<K>(Map<K, Totals> rows, boolean totalGivesAway) {
    }

    private static Breakdown<String> breakdown(List<Gap> gaps, Viewer viewer, Function<Gap, String> rowOf,
            Map<UUID, Award> awards, boolean budgetMode) {
        Map<String, List<Gap>> grouped = gaps.stream().collect(Collectors.groupingBy(rowOf, TreeMap::new, Collectors.toList()));
        Map<String, Integer> unseen = new HashMap<>();
        grouped.forEach((row, rowGaps) -> unseen.put(row,
                (int) rowGaps.stream().filter(g -> !viewer.seesInDetail(g.position().organisation())).count()));
        SmallCohorts.Suppression suppression = SmallCohorts.suppress(unseen);
        Map<String, Totals> rows = new TreeMap<>();
        grouped.forEach((row, rowGaps) -> rows.put(row, suppression.rows().contains(row) ? Totals.suppressedOnes()
                : totals(rowGaps, awards, budgetMode)));
        return new Breakdown<>(rows, suppression.total());
    }

    private static Totals totals(List<Gap> gaps, Map<UUID, Award> awards, boolean budgetMode) {
        BigDecimal payRise = sum(gaps, Gap::payRise);
        BigDecimal onCosts = sum(gaps, Gap::onCosts);
        BigDecimal cost = sum(gaps, Gap::annualCost);
        if (!budgetMode) {
            return new Totals(false, gaps.size(), payRise, onCosts, cost, null, null);
        }
        BigDecimal funded = sum(gaps, g -> awards.get(g.position().postId()).funded());
        return new Totals(false, gaps.size(), payRise, onCosts, cost, funded, cost.subtract(funded));
    }

    private static BigDecimal sum(List<Gap> gaps, Function<Gap, BigDecimal> amount) {
        return gaps.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static PostGap postGap(Gap gap, Award award) {
        Position p = gap.position();
        return new PostGap(p.postId(), p.postReference(), p.organisation(), p.roleProfileId(), p.title(), p.family(),
                p.level(), p.band(), p.basis(), p.fte(), p.basicFullTime(), p.dayRate(), p.targetBand(),
                gap.targetBasicFullTime(), gap.targetDayRate(), gap.gapPercent(), gap.riseFullTime(), gap.payRise(), gap.onCosts(),
                gap.annualCost(), award == null ? null : award.funded(), award == null ? null : award.outcome());
    }

    private static BudgetOutcome budgetOutcome(CostToClose.Spending spending, boolean suppressed) {
        if (suppressed) {
            return new BudgetOutcome(spending.budget(), spending.capPerPost(), true, null, null, null, null, null, null);
        }
        return new BudgetOutcome(spending.budget(), spending.capPerPost(), false, spending.spent(), spending.left(),
                spending.residualGap(), spending.count(Outcome.LIFTED), spending.count(Outcome.RAISED_PART_WAY),
                spending.count(Outcome.NOT_FUNDED));
    }

    private static String scopeLevel(Reach reach) {
        if (reach instanceof Reach.Organisation) {
            return "ORGANISATION";
        }
        return reach instanceof Reach.Icb ? "ICB" : "NATIONAL";
    }

    private static String scopeCode(Reach reach) {
        if (reach instanceof Reach.Organisation organisation) {
            return organisation.odsCode();
        }
        return reach instanceof Reach.Icb icb ? icb.odsCode() : null;
    }
}
