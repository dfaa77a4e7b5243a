package uk.org.lxp.payequity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.payequity.Distribution;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.PayBasis;
import uk.org.lxp.payequity.PayCalculations;
import uk.org.lxp.payequity.PayRecord;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleBand;
import uk.org.lxp.payequity.RoleFamily;
import uk.org.lxp.payequity.RoleLevel;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.repository.PayRecordRepository;
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

    private final EntityManager entities;
    private final DataSource dataSource;
    private final Organisations organisations;
    private final PayRecordRepository payRecords;
    private final SystemPayStandardRepository systemStandards;
    private final Clock clock;

    BenchmarkService(EntityManager entities, DataSource dataSource, Organisations organisations,
            PayRecordRepository payRecords, SystemPayStandardRepository systemStandards, Clock clock) {
        this.entities = entities;
        this.payRecords = payRecords;
        this.systemStandards = systemStandards;
        this.dataSource = dataSource;
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
            LocalDate asOf, Cohort cohort,
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

    public Benchmark benchmark(Scope scope, Cohort cohort, PayYear year, String comparatorGroup, boolean maySeeSmallCohorts) {
        LocalDate yearEnd = year.lastDay();
        LocalDate today = Today.in(clock);
        if (year.firstDay().isAfter(today)) {
            throw RuleBroken.inQuery("payYear", "Pay year " + year + " has not started");
        }
        LocalDate asOf = yearEnd.isBefore(today) ? yearEnd : today;
        List<String> organisations = organisationsIn(scope, asOf);

        List<Object[]> rows = cohortPosts(cohort, organisations);
        List<Post> postsInUse = rows.stream().map(row -> (Post) row[0]).toList();
        Map<UUID, RoleProfile> profiles = rows.stream()
                .collect(Collectors.toMap(row -> ((Post) row[0]).id(), row -> (RoleProfile) row[1]));
        Map<UUID, PayRecord> inForce = payRecords.inForceOn(asOf, postsInUse.stream().map(Post::id).toList());

        List<Post> filled = postsInUse.stream().filter(p -> "FILLED".equals(p.status())).toList();
        int headcount = filled.size();
        List<BigDecimal> hourlyOfPaid = inForce.values().stream().filter(r -> r.basis() != PayBasis.UNPAID)
                .map(r -> r.fteAnnualisedGbp().divide(FULL_TIME_HOURS_A_YEAR, MathContext.DECIMAL64))
                .toList();
        ComparatorGap gap = comparatorGap(comparatorGroup, scope, organisations, year, hourlyOfPaid, maySeeSmallCohorts);

        if (headcount < SmallCohorts.MINIMUM && !maySeeSmallCohorts) {
            return new Benchmark(scope, year.toString(), asOf, cohort, true,
                    SmallCohorts.reason("people are in this cohort"), null, null, null, null, null, gap, null);
        }
        AgainstStandard against = againstStandard(scope, cohort, asOf, postsInUse, profiles, maySeeSmallCohorts);
        Map<String, Integer> bands = new TreeMap<>(Comparator.naturalOrder());
        postsInUse.forEach(p -> bands.merge(profiles.get(p.id()).band(), 1, Integer::sum));
        BigDecimal fte = filled.stream().map(Post::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
        Distribution pay = Distribution.of(inForce.values().stream().map(PayRecord::fteAnnualisedGbp).toList());
        Shares shares = new Shares(
                share(postsInUse.stream().filter(Post::isFixedTerm).count(), postsInUse.size()),
                share(inForce.values().stream().filter(r -> r.basis() == PayBasis.SESSIONAL).count(), inForce.size()),
                share(inForce.values().stream().filter(r -> r.basis() == PayBasis.UNPAID).count(), inForce.size()),
                share(postsInUse.stream().filter(p -> SENIOR_BANDS.contains(profiles.get(p.id()).band())).count(),
                        postsInUse.size()));
        return new Benchmark(scope, year.toString(), asOf, cohort, false, null, headcount, fte, bands, pay, shares, gap,
                against);
    }

    /** Each member trust's posts of the cohort against its ICB's standard for the family and level, if it has one. */
    private AgainstStandard againstStandard(Scope scope, Cohort cohort, LocalDate asOf, List<Post> posts,
            Map<UUID, RoleProfile> profiles, boolean maySeeSmallCohorts) {
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
        Map<String, List<Post>> byTrust = posts.stream()
                .collect(Collectors.groupingBy(Post::organisationOdsCode, TreeMap::new, Collectors.toList()));
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
            List<Integer> ranks = trustPosts.stream().map(p -> ParityRules.BANDS.indexOf(profiles.get(p.id()).band()))
                    .filter(rank -> rank >= 0).sorted().toList();
            trusts.add(new TrustAgainstStandard(trust, false, trustPosts.size(),
                    (int) ranks.stream().filter(rank -> rank < standardRank).count(),
                    ranks.isEmpty() ? null : ParityRules.BANDS.get(ranks.get(0))));
        });
        return new AgainstStandard(icb, standard.band().name(), standard.effectiveFrom(), trusts);
    }

    /** Organisations in scope on the day; null means every organisation (national). */
    private List<String> organisationsIn(Scope scope, LocalDate day) {
        return switch (scope.level()) {
            case ORGANISATION -> List.of(scope.code());
            case NATIONAL -> null;
            case ICB -> List.copyOf(organisations.membersOf(scope.code(), day));
        };
    }

    private List<Object[]> cohortPosts(Cohort cohort, List<String> organisations) {
        StringBuilder jpql = new StringBuilder(
                "select p, r from Post p, RoleProfile r where p.roleProfileId = r.id and p.status <> 'CLOSED'");
        Map<String, Object> parameters = new HashMap<>();
        if (organisations != null) {
            jpql.append(" and p.organisationOdsCode in :organisations");
            parameters.put("organisations", organisations.isEmpty() ? List.of("") : organisations);
        }
        condition(jpql, parameters, "family", cohort.family());
        condition(jpql, parameters, "level", cohort.level());
        condition(jpql, parameters, "band", cohort.band());
        if (cohort.title() != null) {
            jpql.append(" and lower(r.title) = lower(:title)");
            parameters.put("title", cohort.title());
        }
        var query = entities.createQuery(jpql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String field, Enum<?> value) {
        if (value != null) {
            jpql.append(" and r.").append(field).append(" = :").append(field);
            parameters.put(field, value.name());
        }
    }

    /** Mean and median hourly gap and the quartile composition of LXPs and comparators together, in PostgreSQL. */
    private ComparatorGap comparatorGap(String group, Scope scope, List<String> organisations, PayYear year,
            List<BigDecimal> lxpHourly, boolean maySeeSmallCohorts) {
        String comparators = """
                SELECT pp.annual_gbp / %s AS hourly FROM comparator_record c
                JOIN pay_point pp ON pp.pay_year = ? AND pp.band = c.band AND pp.point = c.point
                WHERE c.staff_group_code = ? %s
                """.formatted(FULL_TIME_HOURS_A_YEAR.toPlainString(),
                organisations == null ? "" : "AND c.organisation_ods_code = ANY (?)");
        try (Connection connection = dataSource.getConnection()) {
            Array orgs = organisations == null ? null : connection.createArrayOf("varchar", organisations.toArray());
            int count;
            BigDecimal mean;
            BigDecimal median;
            try (PreparedStatement summary = connection.prepareStatement("SELECT count(*), avg(hourly),"
                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY hourly) FROM (" + comparators + ") cmp")) {
                bind(summary, 1, year, group, orgs);
                try (ResultSet row = summary.executeQuery()) {
                    row.next();
                    count = row.getInt(1);
                    mean = row.getBigDecimal(2);
                    median = row.getBigDecimal(3);
                }
            }
            if (count < SmallCohorts.MINIMUM && !maySeeSmallCohorts) {
                return new ComparatorGap(group, true, null, null, null, null, null, null, null, List.of());
            }
            Distribution lxp = Distribution.of(lxpHourly);
            List<Quartile> quartiles = new ArrayList<>();
            try (PreparedStatement composition = connection.prepareStatement("""
                    WITH cmp AS (%s),
                         combined AS (SELECT hourly, false AS lxp FROM cmp
                                      UNION ALL SELECT unnest(?::numeric[]), true),
                         ranked AS (SELECT lxp, ntile(4) OVER (ORDER BY hourly) AS quartile FROM combined)
                    SELECT quartile, count(*) FILTER (WHERE lxp), count(*) FROM ranked GROUP BY quartile ORDER BY quartile
                    """.formatted(comparators))) {
                int next = bind(composition, 1, year, group, orgs);
                composition.setArray(next, connection.createArrayOf("numeric", lxpHourly.toArray()));
                try (ResultSet rows = composition.executeQuery()) {
                    while (rows.next()) {
                        long lxpCount = rows.getLong(2);
                        long all = rows.getLong(3);
                        quartiles.add(new Quartile(rows.getInt(1), share(lxpCount, all), share(all - lxpCount, all)));
                    }
                }
            }
            return new ComparatorGap(group, false, count, hourly(lxp.mean()), hourly(lxp.median()), hourly(mean),
                    hourly(median), Distribution.gapPercent(mean, lxp.mean()), Distribution.gapPercent(median, lxp.median()),
                    quartiles);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compare with the comparator workforce", e);
        }
    }

    private static int bind(PreparedStatement statement, int first, PayYear year, String group, Array orgs)
            throws SQLException {
        int index = first;
        statement.setString(index++, year.toString());
        statement.setString(index++, group);
        if (orgs != null) {
            statement.setArray(index++, orgs);
        }
        return index;
    }

    private static BigDecimal hourly(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }
}
