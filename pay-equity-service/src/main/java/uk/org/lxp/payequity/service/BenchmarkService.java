package uk.org.lxp.payequity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.cache.CacheResult;
import uk.org.lxp.api.scope.CrossOrganisationFigures;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.payequity.ComparatorPay;
import uk.org.lxp.payequity.Distribution;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayCalculations;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.RoleBand;
import uk.org.lxp.payequity.RoleFamily;
import uk.org.lxp.payequity.RoleLevel;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.repository.BenchmarkRepository;
import uk.org.lxp.payequity.repository.BenchmarkRepository.CohortFilter;
import uk.org.lxp.payequity.repository.BenchmarkRepository.CohortPost;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;

/**
 * Pay benchmarks of an LXP cohort (by family, level, title, band) in an organisation, an ICB or nationally, for a pay
 * year, with the gap to a comparator staff group in the style of the UK gender pay gap figures.
 */
@ApplicationScoped
public class BenchmarkService {

    private static final Set<String> SENIOR_BANDS = Set.of("BAND_7", "BAND_8A", "BAND_8B", "BAND_8C", "BAND_8D", "BAND_9");
    private static final BigDecimal FULL_TIME_HOURS_A_YEAR = PayCalculations.WEEKS_PER_YEAR
            .multiply(PayCalculations.FULL_TIME_WEEKLY_HOURS);

    private final BenchmarkRepository benchmarks;
    private final Organisations organisations;
    private final SystemPayStandardRepository systemStandards;
    private final Clock clock;

    BenchmarkService(BenchmarkRepository benchmarks, Organisations organisations,
            SystemPayStandardRepository systemStandards, Clock clock) {
        this.benchmarks = benchmarks;
        this.systemStandards = systemStandards;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Schema(name = "BenchmarkScopeLevel")
    public enum ScopeLevel { ORGANISATION, ICB, NATIONAL }

    @Schema(name = "BenchmarkScope")
    public record Scope(ScopeLevel level, String code) {
    }

    @Schema(name = "BenchmarkCohort")
    public record Cohort(RoleFamily family, RoleLevel level, String title, RoleBand band) {
    }

    @Schema(name = "BenchmarkShares")
    public record Shares(BigDecimal fixedTerm, BigDecimal sessional, BigDecimal unpaid, BigDecimal band7OrAbove) {
    }

    @Schema(name = "BenchmarkQuartile")
    public record Quartile(int quartile, BigDecimal lxpPercent, BigDecimal comparatorPercent) {
    }

    public record ComparatorGap(String staffGroupCode, boolean suppressed, Integer headcount, BigDecimal lxpMeanHourly,
            BigDecimal lxpMedianHourly, BigDecimal meanHourly, BigDecimal medianHourly, BigDecimal meanGapPercent,
            BigDecimal medianGapPercent, List<Quartile> quartiles) {
    }

    @Schema(name = "BenchmarkTrustAgainstStandard", description = "One member trust's open posts of the cohort against"
            + " the standard. For everyone but lxp-admin a trust of fewer than 5 posts is suppressed, and so is the next"
            + " smallest while the suppressed ones hold fewer than 5 together (the band distribution would show them)")
    public record TrustAgainstStandard(@Schema(example = "RXG") String organisationCode, boolean suppressed,
            @Schema(nullable = true, example = "14") Integer posts,
            @Schema(nullable = true, description = "Posts whose role is banded below the standard", example = "14")
            Integer postsBelowStandard,
            @Schema(nullable = true, description = "The lowest band of the trust's posts in the cohort", example = "BAND_3")
            String lowestBand) {
    }

    @Schema(name = "BenchmarkSystemStandard", description = "The band the ICB has agreed for the cohort's family and level,"
            + " in force on the benchmark's day, and where each member trust's posts stand against it")
    public record AgainstStandard(@Schema(example = "QWO") String icbCode, @Schema(example = "BAND_4") String band,
            LocalDate effectiveFrom, List<TrustAgainstStandard> trusts) {
    }

    public record Benchmark(Scope scope, @Schema(example = "2026-27") String payYear,
            @Schema(description = "The day the figures describe: today, or the pay year's last day once it has ended")
            LocalDate asOf,
            @Schema(description = "When the figures were computed: an ICB's or the nation's are served for up to 30"
                    + " seconds (by default) after", example = "2026-12-03T09:15:02.418Z") Instant computedAt, Cohort cohort,
            @Schema(description = "True when fewer than 5 people hold the cohort's posts; the figures are then null for"
                    + " everyone but lxp-admin") boolean suppressed,
            @Schema(nullable = true, example = "Fewer than 5 people are in this cohort") String suppressionReason,
            @Schema(nullable = true, description = "People in post: filled posts only, since a vacant post pays no one",
                    example = "42") Integer headcount,
            @Schema(nullable = true, description = "Whole-time equivalent of the filled posts", example = "35.6")
            BigDecimal fte,
            @Schema(nullable = true, description = "Open posts by their role's band, vacant ones included: the"
                    + " establishment an organisation has decided to fund, which is what banding is about, whether or not"
                    + " someone holds the post today") Map<String, Integer> bandDistribution,
            @Schema(nullable = true, description = "Full-time annual pay of the pay records in force, every basis put on"
                    + " one scale (HCAS included)") Distribution fteAnnualisedPay,
            @Schema(nullable = true, description = "Shares of open posts (fixed-term, Band 7 or above) and of pay records"
                    + " in force (sessional, unpaid), 0 to 1") Shares shares,
            @Schema(nullable = true, description = "LXP hourly pay against the comparator staff group's, when one was asked"
                    + " for") ComparatorGap comparator,
            @Schema(nullable = true, description = "Only for a cohort of one family and level in an organisation or an"
                    + " ICB whose ICB has a standard for it") AgainstStandard systemStandard) {
    }

    /**
     * An ICB's or the nation's benchmark, computed at most once every {@code lxp.figures.cross-organisation-max-age}
     * for the same question ({@link CrossOrganisationFigures}).
     */
    @CacheResult(cacheName = CrossOrganisationFigures.CACHE)
    public Benchmark acrossOrganisations(Scope scope, Cohort cohort, PayYear year, String comparatorGroup,
            boolean maySeeSmallCohorts, LocalDate today) {
        if (scope.level() == ScopeLevel.ORGANISATION) {
            throw new IllegalArgumentException("An organisation's benchmark is computed afresh on every reading");
        }
        return benchmark(scope, cohort, year, comparatorGroup, maySeeSmallCohorts, today);
    }

    /** The benchmark as it stands on {@code today} (England's day: the pay year and its members depend on it). */
    public Benchmark benchmark(Scope scope, Cohort cohort, PayYear year, String comparatorGroup, boolean maySeeSmallCohorts,
            LocalDate today) {
        Instant computedAt = clock.instant();
        LocalDate yearEnd = year.lastDay();
        if (year.firstDay().isAfter(today)) {
            throw RuleBroken.inQuery("payYear", "Pay year " + year + " has not started");
        }
        LocalDate asOf = yearEnd.isBefore(today) ? yearEnd : today;
        List<String> organisations = organisationsIn(scope, asOf);

        List<CohortPost> postsInUse = benchmarks.cohortPosts(new CohortFilter(organisations, name(cohort.family()),
                name(cohort.level()), name(cohort.band()), cohort.title()), asOf);
        List<CohortPost> paid = postsInUse.stream().filter(CohortPost::isPaidOnTheDay).toList();

        List<CohortPost> filled = postsInUse.stream().filter(CohortPost::isFilled).toList();
        int headcount = filled.size();
        List<BigDecimal> hourlyOfPaid = paid.stream().filter(p -> p.payBasis() != PayBasis.UNPAID)
                .map(p -> p.fteAnnualisedGbp().divide(FULL_TIME_HOURS_A_YEAR, MathContext.DECIMAL64))
                .toList();
        ComparatorGap gap = comparatorGap(comparatorGroup, organisations, year, hourlyOfPaid, maySeeSmallCohorts);

        if (headcount < SmallCohorts.MINIMUM && !maySeeSmallCohorts) {
            return new Benchmark(scope, year.toString(), asOf, computedAt, cohort, true,
                    SmallCohorts.reason("people are in this cohort"), null, null, null, null, null, gap, null);
        }
        AgainstStandard against = againstStandard(scope, cohort, asOf, postsInUse, maySeeSmallCohorts);
        SortedMap<String, Integer> bands = new TreeMap<>(Comparator.naturalOrder());
        postsInUse.forEach(p -> bands.merge(p.band(), 1, Integer::sum));
        BigDecimal fte = filled.stream().map(CohortPost::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        Distribution pay = Distribution.of(paid.stream().map(CohortPost::fteAnnualisedGbp).toList());
        Shares shares = new Shares(
                share(postsInUse.stream().filter(CohortPost::fixedTerm).count(), postsInUse.size()),
                share(paid.stream().filter(p -> p.payBasis() == PayBasis.SESSIONAL).count(), paid.size()),
                share(paid.stream().filter(p -> p.payBasis() == PayBasis.UNPAID).count(), paid.size()),
                share(postsInUse.stream().filter(p -> SENIOR_BANDS.contains(p.band())).count(), postsInUse.size()));
        return new Benchmark(scope, year.toString(), asOf, computedAt, cohort, false, null, headcount, fte,
                Collections.unmodifiableSortedMap(bands), pay, shares, gap, against);
    }

    /** Each member trust's posts of the cohort against its ICB's standard for the family and level, if it has one. */
    private AgainstStandard againstStandard(Scope scope, Cohort cohort, LocalDate asOf, List<CohortPost> posts,
            boolean maySeeSmallCohorts) {
        if (cohort.family() == null || cohort.level() == null || scope.level() == ScopeLevel.NATIONAL) {
            return null;
        }
        String icb = scope.level() == ScopeLevel.ICB ? scope.code()
                : organisations.icbOf(scope.code(), asOf).orElse(null);
        SystemPayStandard standard = icb == null ? null : systemStandards
                .of(icb, SystemPayStandard.Subject.role(cohort.family().name(), cohort.level().name())).stream()
                .filter(s -> s.inForceOn(asOf)).findFirst().orElse(null);
        if (standard == null) {
            return null;
        }
        int standardRank = ParityRules.BANDS.indexOf(standard.band().name());
        Map<String, List<CohortPost>> byTrust = posts.stream()
                .collect(Collectors.groupingBy(CohortPost::organisationOdsCode, TreeMap::new, Collectors.toList()));
        Map<String, Integer> unseen = new HashMap<>();
        byTrust.forEach((trust, trustPosts) -> unseen.put(trust, maySeeSmallCohorts ? 0 : trustPosts.size()));
        // The band distribution is the trusts' sum: a trust hidden alone would show through it.
        SmallCohorts.Suppression suppression = SmallCohorts.suppress(unseen);
        List<TrustAgainstStandard> trusts = new ArrayList<>();
        byTrust.forEach((trust, trustPosts) -> {
            if (suppression.total() || suppression.rows().contains(trust)) {
                trusts.add(new TrustAgainstStandard(trust, true, null, null, null));
                return;
            }
            List<Integer> ranks = trustPosts.stream().map(p -> ParityRules.BANDS.indexOf(p.band()))
                    .filter(rank -> rank >= 0).sorted().toList();
            trusts.add(new TrustAgainstStandard(trust, false, trustPosts.size(),
                    (int) ranks.stream().filter(rank -> rank < standardRank).count(),
                    ranks.isEmpty() ? null : ParityRules.BANDS.get(ranks.get(0))));
        });
        return new AgainstStandard(icb, standard.band().name(), standard.effectiveFrom(), List.copyOf(trusts));
    }

    /** Organisations in scope on the day; null means every organisation (national). */
    private List<String> organisationsIn(Scope scope, LocalDate day) {
        return switch (scope.level()) {
            case ORGANISATION -> List.of(scope.code());
            case NATIONAL -> null;
            case ICB -> List.copyOf(organisations.membersOf(scope.code(), day));
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * Mean and median hourly gap and the quartile composition of LXPs and comparators together, from how many
     * comparators are paid each rate.
     */
    private ComparatorGap comparatorGap(String group, List<String> organisations, PayYear year,
            List<BigDecimal> lxpHourly, boolean maySeeSmallCohorts) {
        Map<BigDecimal, Long> byHourlyRate = new HashMap<>();
        benchmarks.comparatorsByAnnualPay(group, organisations, year).forEach((annual, people) ->
                byHourlyRate.merge(annual.divide(FULL_TIME_HOURS_A_YEAR, MathContext.DECIMAL64), people, Long::sum));
        ComparatorPay comparators = ComparatorPay.of(byHourlyRate);
        if (comparators.headcount() < SmallCohorts.MINIMUM && !maySeeSmallCohorts) {
            return new ComparatorGap(group, true, null, null, null, null, null, null, null, List.of());
        }
        Distribution lxp = Distribution.of(lxpHourly);
        List<Quartile> quartiles = comparators.quartilesWith(lxpHourly).stream()
                .map(q -> new Quartile(q.quartile(), share(q.lxp(), q.everyone()), share(q.everyone() - q.lxp(), q.everyone())))
                .toList();
        BigDecimal mean = comparators.mean();
        BigDecimal median = comparators.median();
        return new ComparatorGap(group, false, Math.toIntExact(comparators.headcount()), hourly(lxp.mean()),
                hourly(lxp.median()), hourly(mean), hourly(median), Distribution.gapPercent(mean, lxp.mean()),
                Distribution.gapPercent(median, lxp.median()), quartiles);
    }

    private static BigDecimal hourly(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }
}
