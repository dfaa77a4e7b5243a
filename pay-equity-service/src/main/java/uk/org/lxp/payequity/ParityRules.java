package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parity rules: what the suite complains about, with the numbers that show it. Pure functions over a snapshot
 * of facts, so each rule can be shown to fire on data that breaks it and to stay quiet on data that does not.
 * Findings name organisations, ICBs and roles, never people.
 */
public final class ParityRules {

    @Schema(name = "ParityRule")
    public enum Rule {
        BAND_VARIANCE, BELOW_COMPARATOR, SESSIONAL_UNDERPAYMENT, UNPAID_SUBSTITUTION, NO_SENIOR_POST,
        FIXED_TERM_CONCENTRATION, BELOW_EVALUATED_BAND, DEVIATES_FROM_SYSTEM_STANDARD, EQUAL_VALUE_PAY_GAP,
        FUNDED_POST_NOT_CREATED, FUNDED_POST_NOT_FILLED, FUNDED_POST_DOWNBANDED
    }

    @Schema(name = "ParityFindingSeverity")
    public enum Severity { LOW, MEDIUM, HIGH }

    /** Bands in pay order; two steps apart is the threshold of BAND_VARIANCE. */
    public static final List<String> BANDS = List.of("BAND_2", "BAND_3", "BAND_4", "BAND_5", "BAND_6", "BAND_7", "BAND_8A",
            "BAND_8B", "BAND_8C", "BAND_8D", "BAND_9");
    private static final int SENIOR_RANK = BANDS.indexOf("BAND_7");
    private static final int MINIMUM_FOR_SHARES = 5;
    /** The gap at which the EU Pay Transparency Directive (2023/970) asks for a joint pay assessment. */
    private static final BigDecimal EQUAL_VALUE_GAP_PERCENT = BigDecimal.valueOf(5);
    /** How long after an award its posts may take to appear, and a funded post may stand vacant, before a finding. */
    public static final int FUNDED_POST_MONTHS = 6;
    private static final BigDecimal FULL_TIME_HOURS_A_YEAR = PayCalculations.WEEKS_PER_YEAR
            .multiply(PayCalculations.FULL_TIME_WEEKLY_HOURS);

    public record Organisation(String odsCode, String icb) {
    }

    /**
     * A profile as the rules see it; {@code evaluatedBands} (lowest first) and the job weight come from its own job
     * evaluation, empty and null while it has none.
     */
    public record Profile(UUID id, String owner, String title, String family, String level, String band, String status,
            List<String> evaluatedBands, Integer jobWeightMinimum, Integer jobWeightMaximum) {

        public Profile(UUID id, String owner, String title, String family, String level, String band, String status) {
            this(id, owner, title, family, level, band, status, List.of(), null, null);
        }

        boolean inUse() {
            return owner != null && !"RETIRED".equals(status) && BANDS.contains(band);
        }

        int rank() {
            return BANDS.indexOf(band);
        }
    }

    /**
     * A post with the pay record in force (basis and rates null when none); {@code basicFullTime} is its basic pay for a
     * full-time year on this year's scale (a salaried post's point of this year, HCAS aside; other bases annualised).
     */
    public record Post(UUID id, String organisation, UUID profileId, String status, boolean fixedTerm,
            LocalDate closedOn, PayBasis basis, BigDecimal dayRate, BigDecimal basicFullTime, UUID programmeId,
            LocalDate vacantSince) {

        public Post(UUID id, String organisation, UUID profileId, String status, boolean fixedTerm, LocalDate closedOn,
                PayBasis basis, BigDecimal dayRate) {
            this(id, organisation, profileId, status, fixedTerm, closedOn, basis, dayRate, null, null, null);
        }

        public Post(UUID id, String organisation, UUID profileId, String status, boolean fixedTerm, LocalDate closedOn,
                PayBasis basis, BigDecimal dayRate, BigDecimal basicFullTime) {
            this(id, organisation, profileId, status, fixedTerm, closedOn, basis, dayRate, basicFullTime, null, null);
        }

        boolean open() {
            return !"CLOSED".equals(status);
        }
    }

    /** An organisation's comparator workforce in brief. */
    public record Comparators(String organisation, int count, int fixedTerm, String medianBandOfGroup07) {
    }

    public record Finding(Rule rule, String key, String subject, String organisation, String icb, Severity severity,
            Map<String, Object> evidence) {
    }

    /**
     * The band an ICB has agreed, in force today, for a role family and level or, with {@code evaluatedBand} set (and
     * no family or level), for the roles whose own job evaluation puts them at that band.
     */
    public record Standard(String icb, String family, String level, String evaluatedBand, String band,
            LocalDate effectiveFrom) {

        public Standard(String icb, String family, String level, String band, LocalDate effectiveFrom) {
            this(icb, family, level, null, band, effectiveFrom);
        }

        String subject() {
            return evaluatedBand != null ? "roles evaluated at " + evaluatedBand : family + " / " + level;
        }
    }

    /** What an organisation's comparator staff at one band are paid this year: how many, and their mean full-time pay. */
    public record ComparatorBandPay(String organisation, String band, int count, BigDecimal meanAnnual) {
    }

    /** A national funding programme: the band it funds and how many posts an award pays for. */
    public record Programme(UUID id, String name, String fundedBand, int postsPerOrganisation) {
    }

    /** An award an organisation holds now, and its day. */
    public record Award(UUID programmeId, String organisation, LocalDate awardedOn) {
    }

    public record Facts(List<Organisation> organisations, List<Profile> profiles, List<Post> posts,
            List<Comparators> comparators, Map<String, BigDecimal> entryAnnualByBand, LocalDate today,
            List<Standard> standards, List<ComparatorBandPay> comparatorPay, List<Programme> programmes,
            List<Award> awards) {

        public Facts(List<Organisation> organisations, List<Profile> profiles, List<Post> posts,
                List<Comparators> comparators, Map<String, BigDecimal> entryAnnualByBand, LocalDate today) {
            this(organisations, profiles, posts, comparators, entryAnnualByBand, today, List.of());
        }

        public Facts(List<Organisation> organisations, List<Profile> profiles, List<Post> posts,
                List<Comparators> comparators, Map<String, BigDecimal> entryAnnualByBand, LocalDate today,
                List<Standard> standards) {
            this(organisations, profiles, posts, comparators, entryAnnualByBand, today, standards, List.of());
        }

        public Facts(List<Organisation> organisations, List<Profile> profiles, List<Post> posts,
                List<Comparators> comparators, Map<String, BigDecimal> entryAnnualByBand, LocalDate today,
                List<Standard> standards, List<ComparatorBandPay> comparatorPay) {
            this(organisations, profiles, posts, comparators, entryAnnualByBand, today, standards, comparatorPay,
                    List.of(), List.of());
        }
    }

    private ParityRules() {
    }

    public static List<Finding> evaluate(Facts facts) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(bandVariance(facts));
        findings.addAll(belowComparator(facts));
        findings.addAll(sessionalUnderpayment(facts));
        findings.addAll(unpaidSubstitution(facts));
        findings.addAll(noSeniorPost(facts));
        findings.addAll(fixedTermConcentration(facts));
        findings.addAll(belowEvaluatedBand(facts));
        findings.addAll(deviatesFromSystemStandard(facts));
        findings.addAll(equalValuePayGap(facts));
        findings.addAll(fundedPostNotCreated(facts));
        findings.addAll(fundedPostNotFilled(facts));
        findings.addAll(fundedPostDownbanded(facts));
        return findings;
    }

    /** The same family and level, or the same title, banded two or more bands apart across organisations. */
    static List<Finding> bandVariance(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        List<Profile> inUse = facts.profiles().stream().filter(Profile::inUse).toList();
        List<Finding> findings = new ArrayList<>();
        Map<String, Function<Profile, String>> groupings = Map.of(
                "family and level", p -> p.family() + " / " + p.level(),
                "title", p -> p.title().trim().toLowerCase(Locale.ROOT));
        for (var grouping : groupings.entrySet()) {
            Map<String, List<Profile>> national = inUse.stream().collect(Collectors.groupingBy(grouping.getValue()));
            national.forEach((group, profiles) -> variance(grouping.getKey(), group, null, profiles).ifPresent(findings::add));
            Map<String, List<Profile>> byIcb = inUse.stream().filter(p -> icbOf.get(p.owner()) != null)
                    .collect(Collectors.groupingBy(p -> icbOf.get(p.owner()) + "|" + grouping.getValue().apply(p)));
            byIcb.forEach((key, profiles) -> variance(grouping.getKey(), key.substring(key.indexOf('|') + 1),
                    key.substring(0, key.indexOf('|')), profiles).ifPresent(findings::add));
        }
        return findings;
    }

    private static Optional<Finding> variance(String grouping, String group, String icb, List<Profile> profiles) {
        if (profiles.stream().map(Profile::owner).distinct().count() < 2) {
            return Optional.empty();
        }
        int low = profiles.stream().mapToInt(Profile::rank).min().orElseThrow();
        int high = profiles.stream().mapToInt(Profile::rank).max().orElseThrow();
        if (high - low < 2) {
            return Optional.empty();
        }
        // In band order, so that the evidence does not change with the order the profiles were read in.
        Map<String, List<String>> bands = new TreeMap<>();
        profiles.stream().sorted(Comparator.comparingInt(Profile::rank))
                .forEach(p -> bands.computeIfAbsent(p.owner(), o -> new ArrayList<>()).add(p.band()));
        String where = icb == null ? "nationally" : "in ICB " + icb;
        Map<String, Object> evidence = evidence("grouping", grouping, "group", group, "lowestBand", BANDS.get(low),
                "highestBand", BANDS.get(high), "bandsApart", high - low, "bandsByOrganisation", bands);
        boolean equalValue = equalEvaluatedWeight(profiles);
        if (profiles.stream().anyMatch(p -> !p.evaluatedBands().isEmpty())) {
            Map<String, List<String>> weights = new TreeMap<>();
            profiles.stream().filter(p -> p.jobWeightMinimum() != null).sorted(Comparator.comparingInt(Profile::rank))
                    .forEach(p -> weights.computeIfAbsent(p.owner(), o -> new ArrayList<>())
                            .add(p.band() + " weighed " + p.jobWeightMinimum() + "-" + p.jobWeightMaximum()));
            evidence.put("evaluatedWeightsByOrganisation", weights);
            evidence.put("equalEvaluatedWeight", equalValue);
        }
        return Optional.of(new Finding(Rule.BAND_VARIANCE,
                "BAND_VARIANCE|" + (icb == null ? "NATIONAL" : icb) + "|" + grouping + "|" + group,
                "Roles with the same " + grouping + " (" + group + ") are banded from " + BANDS.get(low) + " to "
                        + BANDS.get(high) + " " + where + (equalValue ? ", though job evaluation weighs them alike" : ""),
                null, icb, high - low >= 3 || equalValue ? Severity.HIGH : Severity.MEDIUM, evidence));
    }

    /**
     * Whether two of the profiles are banded differently although their own job evaluations put them in a band in
     * common: by the NHS's analytical scheme, work of equal value.
     */
    private static boolean equalEvaluatedWeight(List<Profile> profiles) {
        List<Profile> evaluated = profiles.stream().filter(p -> !p.evaluatedBands().isEmpty()).toList();
        for (Profile one : evaluated) {
            for (Profile other : evaluated) {
                if (one.rank() < other.rank() && one.evaluatedBands().stream().anyMatch(other.evaluatedBands()::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An organisation's role banded below the lowest band its own job evaluation evidences: by the NHS's own analytical
     * scheme, the basis of equal pay for work of equal value, the work is worth more than the role is paid.
     */
    static List<Finding> belowEvaluatedBand(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        List<Finding> findings = new ArrayList<>();
        for (Profile p : facts.profiles()) {
            if (!p.inUse() || p.evaluatedBands().isEmpty() || !BANDS.contains(p.evaluatedBands().get(0))) {
                continue;
            }
            int evaluatedRank = BANDS.indexOf(p.evaluatedBands().get(0));
            if (p.rank() < evaluatedRank) {
                findings.add(new Finding(Rule.BELOW_EVALUATED_BAND, "BELOW_EVALUATED_BAND|" + p.owner() + "|" + p.id(),
                        p.title() + " (" + p.band() + ") in " + p.owner() + " is banded below the "
                                + String.join(" to ", p.evaluatedBands()) + " its own job evaluation evidences",
                        p.owner(), icbOf.get(p.owner()), evaluatedRank - p.rank() >= 2 ? Severity.HIGH : Severity.MEDIUM,
                        evidence("roleProfileId", p.id().toString(), "title", p.title(), "band", p.band(),
                                "evaluatedBands", p.evaluatedBands(), "jobWeightMinimum", p.jobWeightMinimum(),
                                "jobWeightMaximum", p.jobWeightMaximum())));
            }
        }
        return findings;
    }

    /**
     * A member trust's role banded below the band its ICB has agreed for the role's family and level (or, without one,
     * for the band its own job evaluation puts it at) across the system, with how many of its posts are open at the
     * lower band.
     */
    static List<Finding> deviatesFromSystemStandard(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        List<Finding> findings = new ArrayList<>();
        for (Profile p : facts.profiles()) {
            String icb = p.inUse() ? icbOf.get(p.owner()) : null;
            Standard standard = icb == null ? null
                    : standardFor(facts.standards(), icb, p.family(), p.level(), p.evaluatedBands()).orElse(null);
            if (standard == null || !BANDS.contains(standard.band()) || p.rank() >= BANDS.indexOf(standard.band())) {
                continue;
            }
            long openPosts = facts.posts().stream().filter(post -> post.open() && p.id().equals(post.profileId())).count();
            int below = BANDS.indexOf(standard.band()) - p.rank();
            findings.add(new Finding(Rule.DEVIATES_FROM_SYSTEM_STANDARD,
                    "DEVIATES_FROM_SYSTEM_STANDARD|" + p.owner() + "|" + p.id(),
                    p.title() + " (" + p.band() + ") in " + p.owner() + " is banded below the " + standard.band()
                            + " ICB " + icb + " has agreed for " + standard.subject(),
                    p.owner(), icb, below >= 2 ? Severity.HIGH : Severity.MEDIUM,
                    evidence("roleProfileId", p.id().toString(), "title", p.title(), "band", p.band(),
                            "family", p.family(), "level", p.level(), "standardFor", standard.subject(),
                            "standardBand", standard.band(), "standardFrom", standard.effectiveFrom().toString(),
                            "openPosts", openPosts)));
        }
        return findings;
    }

    /**
     * The standard in force that a role of an ICB's member trust is held to: the one for its family and level, or,
     * where there is none, the one for the lowest band its own job evaluation evidences.
     */
    public static Optional<Standard> standardFor(List<Standard> standards, String icb, String family, String level,
            List<String> evaluatedBands) {
        Optional<Standard> byRole = standards.stream().filter(s -> s.icb().equals(icb) && s.evaluatedBand() == null
                && s.family().equals(family) && s.level().equals(level)).findFirst();
        if (byRole.isPresent() || evaluatedBands.isEmpty()) {
            return byRole;
        }
        return standards.stream().filter(s -> s.icb().equals(icb) && evaluatedBands.get(0).equals(s.evaluatedBand()))
                .findFirst();
    }

    /**
     * Work of equal value paid less: within an organisation, the open paid LXP posts (at least 5, their own roles or
     * national templates) whose role's job evaluation puts them at a band (the lowest band it evidences) earn on
     * average, per full-time hour, 5% or more less than the organisation's comparator staff on that band (at least 5). Unpaid posts are left out, as in the hourly
     * gaps of the benchmarks; HCAS is left out on both sides.
     */
    static List<Finding> equalValuePayGap(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Profile> profiles = byId(facts);
        Map<String, List<BigDecimal>> lxpPay = new TreeMap<>();
        for (Post post : facts.posts()) {
            Profile profile = profiles.get(post.profileId());
            if (!post.open() || post.basicFullTime() == null || post.basis() == PayBasis.UNPAID || profile == null
                    || "RETIRED".equals(profile.status()) || profile.evaluatedBands().isEmpty()) {
                continue;
            }
            lxpPay.computeIfAbsent(post.organisation() + "|" + profile.evaluatedBands().get(0), k -> new ArrayList<>())
                    .add(post.basicFullTime());
        }
        List<Finding> findings = new ArrayList<>();
        for (ComparatorBandPay comparators : facts.comparatorPay()) {
            List<BigDecimal> lxp = lxpPay.get(comparators.organisation() + "|" + comparators.band());
            if (lxp == null || lxp.size() < MINIMUM_FOR_SHARES || comparators.count() < MINIMUM_FOR_SHARES) {
                continue;
            }
            BigDecimal lxpMean = lxp.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(lxp.size()), MathContext.DECIMAL64);
            BigDecimal gap = comparators.meanAnnual().subtract(lxpMean).multiply(BigDecimal.valueOf(100))
                    .divide(comparators.meanAnnual(), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
            if (gap.compareTo(EQUAL_VALUE_GAP_PERCENT) < 0) {
                continue;
            }
            String organisation = comparators.organisation();
            findings.add(new Finding(Rule.EQUAL_VALUE_PAY_GAP,
                    "EQUAL_VALUE_PAY_GAP|" + organisation + "|" + comparators.band(),
                    lxp.size() + " LXP post(s) in " + organisation + " whose roles are evaluated at " + comparators.band()
                            + " are paid " + gap + "% less an hour than its comparator staff on " + comparators.band(),
                    organisation, icbOf.get(organisation), gap.compareTo(BigDecimal.valueOf(15)) >= 0 ? Severity.HIGH
                            : Severity.MEDIUM,
                    evidence("evaluatedBand", comparators.band(), "lxpPosts", lxp.size(),
                            "lxpMeanHourly", hourly(lxpMean), "comparators", comparators.count(),
                            "comparatorMeanHourly", hourly(comparators.meanAnnual()), "gapPercent", gap)));
        }
        return findings;
    }

    /**
     * An award held for {@value #FUNDED_POST_MONTHS} months or more with fewer open posts naming the programme than it
     * funds: the post the money was for never appeared (HIGH after a year).
     */
    static List<Finding> fundedPostNotCreated(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Programme> programmes = facts.programmes().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        List<Finding> findings = new ArrayList<>();
        for (Award award : facts.awards()) {
            Programme programme = programmes.get(award.programmeId());
            if (programme == null || award.awardedOn() == null
                    || award.awardedOn().plusMonths(FUNDED_POST_MONTHS).isAfter(facts.today())) {
                continue;
            }
            long created = facts.posts().stream().filter(post -> post.open()
                    && programme.id().equals(post.programmeId()) && award.organisation().equals(post.organisation())).count();
            if (created >= programme.postsPerOrganisation()) {
                continue;
            }
            long months = ChronoUnit.MONTHS.between(award.awardedOn(), facts.today());
            findings.add(new Finding(Rule.FUNDED_POST_NOT_CREATED,
                    "FUNDED_POST_NOT_CREATED|" + award.organisation() + "|" + programme.id(),
                    award.organisation() + " was awarded " + programme.postsPerOrganisation() + " post(s) by "
                            + programme.name() + " " + months + " months ago and has created " + created,
                    award.organisation(), icbOf.get(award.organisation()), months >= 12 ? Severity.HIGH : Severity.MEDIUM,
                    evidence("programmeId", programme.id().toString(), "programme", programme.name(),
                            "awardedOn", award.awardedOn().toString(), "postsFunded", programme.postsPerOrganisation(),
                            "postsCreated", created, "monthsSinceAward", months)));
        }
        return findings;
    }

    /** Posts a programme funds that have stood vacant for {@value #FUNDED_POST_MONTHS} months or more. */
    static List<Finding> fundedPostNotFilled(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Programme> programmes = facts.programmes().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        LocalDate since = facts.today().minusMonths(FUNDED_POST_MONTHS);
        Map<String, List<Post>> vacant = facts.posts().stream()
                .filter(post -> "VACANT".equals(post.status()) && programmes.containsKey(post.programmeId())
                        && post.vacantSince() != null && !post.vacantSince().isAfter(since))
                .collect(Collectors.groupingBy(post -> post.organisation() + "|" + post.programmeId(), TreeMap::new,
                        Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        vacant.forEach((key, posts) -> {
            Post first = posts.get(0);
            Programme programme = programmes.get(first.programmeId());
            LocalDate longest = posts.stream().map(Post::vacantSince).min(LocalDate::compareTo).orElseThrow();
            findings.add(new Finding(Rule.FUNDED_POST_NOT_FILLED, "FUNDED_POST_NOT_FILLED|" + key,
                    posts.size() + " post(s) of " + first.organisation() + " funded by " + programme.name()
                            + " have stood vacant since " + longest + " or later",
                    first.organisation(), icbOf.get(first.organisation()), Severity.MEDIUM,
                    evidence("programmeId", programme.id().toString(), "programme", programme.name(),
                            "vacantPosts", posts.size(), "vacantSince", longest.toString())));
        });
        return findings;
    }

    /** Open posts a programme funds whose role is banded below the band the programme funds. */
    static List<Finding> fundedPostDownbanded(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Profile> profiles = byId(facts);
        Map<UUID, Programme> programmes = facts.programmes().stream()
                .collect(Collectors.toMap(Programme::id, Function.identity()));
        Map<String, List<Post>> below = facts.posts().stream().filter(post -> {
            Programme programme = programmes.get(post.programmeId());
            Profile profile = profiles.get(post.profileId());
            return post.open() && programme != null && profile != null && BANDS.contains(profile.band())
                    && profile.rank() < BANDS.indexOf(programme.fundedBand());
        }).collect(Collectors.groupingBy(post -> post.organisation() + "|" + post.programmeId(), TreeMap::new,
                Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        below.forEach((key, posts) -> {
            Post first = posts.get(0);
            Programme programme = programmes.get(first.programmeId());
            List<String> bands = posts.stream().map(post -> profiles.get(post.profileId()).band()).distinct().sorted(
                    Comparator.comparingInt(BANDS::indexOf)).toList();
            findings.add(new Finding(Rule.FUNDED_POST_DOWNBANDED, "FUNDED_POST_DOWNBANDED|" + key,
                    posts.size() + " post(s) of " + first.organisation() + " funded by " + programme.name() + " as "
                            + programme.fundedBand() + " were created at " + String.join(", ", bands),
                    first.organisation(), icbOf.get(first.organisation()), Severity.HIGH,
                    evidence("programmeId", programme.id().toString(), "programme", programme.name(),
                            "fundedBand", programme.fundedBand(), "bands", bands, "posts", posts.size())));
        });
        return findings;
    }

    private static BigDecimal hourly(BigDecimal annual) {
        return annual.divide(FULL_TIME_HOURS_A_YEAR, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
    }

    /** An LXP role banded below the typical band of the comparator role (staff group 07) in its own organisation. */
    static List<Finding> belowComparator(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        List<Finding> findings = new ArrayList<>();
        for (Comparators comparators : facts.comparators()) {
            if (comparators.medianBandOfGroup07() == null || comparators.count() < MINIMUM_FOR_SHARES) {
                continue;
            }
            int comparatorRank = BANDS.indexOf(comparators.medianBandOfGroup07());
            facts.profiles().stream()
                    .filter(Profile::inUse)
                    .filter(p -> p.owner().equals(comparators.organisation()) && p.rank() < comparatorRank)
                    .forEach(p -> findings.add(new Finding(Rule.BELOW_COMPARATOR,
                            "BELOW_COMPARATOR|" + p.owner() + "|" + p.id(),
                            p.title() + " (" + p.band() + ") is banded below the " + comparators.medianBandOfGroup07()
                                    + " typical of 07 Additional Clinical Services in " + p.owner(),
                            p.owner(), icbOf.get(p.owner()), comparatorRank - p.rank() >= 2 ? Severity.HIGH : Severity.MEDIUM,
                            evidence("roleProfileId", p.id().toString(), "title", p.title(), "band", p.band(),
                                    "comparatorStaffGroup", "07", "comparatorMedianBand", comparators.medianBandOfGroup07()))));
        }
        return findings;
    }

    /** Sessional day rates below what a day at the entry point of the role's band is worth. */
    static List<Finding> sessionalUnderpayment(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Profile> profiles = byId(facts);
        Map<String, List<Post>> underpaid = new LinkedHashMap<>();
        Map<String, BigDecimal> equivalents = new HashMap<>();
        for (Post post : facts.posts()) {
            Profile profile = profiles.get(post.profileId());
            if (!post.open() || post.basis() != PayBasis.SESSIONAL || profile == null
                    || !facts.entryAnnualByBand().containsKey(profile.band())) {
                continue;
            }
            BigDecimal dayEquivalent = PayCalculations.dayRate(facts.entryAnnualByBand().get(profile.band()));
            if (post.dayRate().compareTo(dayEquivalent) < 0) {
                String key = post.organisation() + "|" + profile.id();
                underpaid.computeIfAbsent(key, k -> new ArrayList<>()).add(post);
                equivalents.put(key, dayEquivalent);
            }
        }
        List<Finding> findings = new ArrayList<>();
        underpaid.forEach((key, posts) -> {
            Post first = posts.get(0);
            Profile profile = profiles.get(first.profileId());
            BigDecimal lowest = posts.stream().map(Post::dayRate).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal equivalent = equivalents.get(key);
            boolean severe = lowest.compareTo(equivalent.multiply(new BigDecimal("0.8"))) < 0;
            findings.add(new Finding(Rule.SESSIONAL_UNDERPAYMENT, "SESSIONAL_UNDERPAYMENT|" + key,
                    posts.size() + " sessional post(s) of " + profile.title() + " in " + first.organisation()
                            + " are paid as little as " + lowest + " a day, below the " + equivalent + " a day of "
                            + profile.band() + " entry pay",
                    first.organisation(), icbOf.get(first.organisation()), severe ? Severity.HIGH : Severity.MEDIUM,
                    evidence("roleProfileId", profile.id().toString(), "title", profile.title(), "band", profile.band(),
                            "posts", posts.size(), "lowestDayRate", lowest, "bandEntryDayRate", equivalent)));
        });
        return findings;
    }

    /** Unpaid posts doing a family's work where paid posts of that family closed in the last twelve months. */
    static List<Finding> unpaidSubstitution(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Profile> profiles = byId(facts);
        LocalDate yearAgo = facts.today().minusMonths(12);
        Map<String, long[]> counts = new TreeMap<>();
        for (Post post : facts.posts()) {
            Profile profile = profiles.get(post.profileId());
            if (profile == null) {
                continue;
            }
            String key = post.organisation() + "|" + profile.family();
            long[] count = counts.computeIfAbsent(key, k -> new long[2]);
            if (post.open() && post.basis() == PayBasis.UNPAID) {
                count[0]++;
            }
            boolean recentlyClosed = !post.open() && post.closedOn() != null && !post.closedOn().isBefore(yearAgo);
            if (recentlyClosed && post.basis() != null && post.basis() != PayBasis.UNPAID) {
                count[1]++;
            }
        }
        List<Finding> findings = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count[0] > 0 && count[1] > 0) {
                String organisation = key.substring(0, key.indexOf('|'));
                String family = key.substring(key.indexOf('|') + 1);
                findings.add(new Finding(Rule.UNPAID_SUBSTITUTION, "UNPAID_SUBSTITUTION|" + key,
                        organisation + " has " + count[0] + " unpaid " + family + " post(s) after closing " + count[1]
                                + " paid one(s) in the last twelve months",
                        organisation, icbOf.get(organisation), Severity.HIGH,
                        evidence("family", family, "unpaidOpenPosts", count[0], "paidPostsClosedInLast12Months", count[1])));
            }
        });
        return findings;
    }

    /** An organisation with LXP posts and none of them at Band 7 or above. */
    static List<Finding> noSeniorPost(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<UUID, Profile> profiles = byId(facts);
        Map<String, List<Post>> open = facts.posts().stream().filter(Post::open)
                .collect(Collectors.groupingBy(Post::organisation, TreeMap::new, Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        open.forEach((organisation, posts) -> {
            boolean senior = posts.stream().map(p -> profiles.get(p.profileId()))
                    .anyMatch(p -> p != null && p.rank() >= SENIOR_RANK);
            if (!senior) {
                findings.add(new Finding(Rule.NO_SENIOR_POST, "NO_SENIOR_POST|" + organisation,
                        organisation + " has " + posts.size() + " LXP post(s) and none at Band 7 or above",
                        organisation, icbOf.get(organisation), Severity.MEDIUM,
                        evidence("openLxpPosts", posts.size(), "postsAtBand7OrAbove", 0)));
            }
        });
        return findings;
    }

    /** LXP posts far more often fixed-term than the organisation's comparator workforce. */
    static List<Finding> fixedTermConcentration(Facts facts) {
        Map<String, String> icbOf = icbs(facts);
        Map<String, List<Post>> open = facts.posts().stream().filter(Post::open)
                .collect(Collectors.groupingBy(Post::organisation));
        List<Finding> findings = new ArrayList<>();
        for (Comparators comparators : facts.comparators()) {
            List<Post> posts = open.getOrDefault(comparators.organisation(), List.of());
            if (posts.size() < MINIMUM_FOR_SHARES || comparators.count() < MINIMUM_FOR_SHARES) {
                continue;
            }
            BigDecimal lxpShare = percent(posts.stream().filter(Post::fixedTerm).count(), posts.size());
            BigDecimal comparatorShare = percent(comparators.fixedTerm(), comparators.count());
            BigDecimal points = lxpShare.subtract(comparatorShare);
            if (points.compareTo(BigDecimal.valueOf(20)) >= 0 && lxpShare.compareTo(comparatorShare.multiply(BigDecimal.valueOf(2))) >= 0) {
                findings.add(new Finding(Rule.FIXED_TERM_CONCENTRATION, "FIXED_TERM_CONCENTRATION|" + comparators.organisation(),
                        lxpShare + "% of LXP posts in " + comparators.organisation() + " are fixed-term, against "
                                + comparatorShare + "% of its comparator workforce",
                        comparators.organisation(), icbOf.get(comparators.organisation()),
                        points.compareTo(BigDecimal.valueOf(40)) >= 0 ? Severity.HIGH : Severity.MEDIUM,
                        evidence("lxpFixedTermPercent", lxpShare, "comparatorFixedTermPercent", comparatorShare,
                                "lxpPosts", posts.size(), "comparators", comparators.count())));
            }
        }
        return findings;
    }

    private static Map<String, String> icbs(Facts facts) {
        Map<String, String> icbOf = new HashMap<>();
        facts.organisations().forEach(o -> icbOf.put(o.odsCode(), o.icb()));
        return icbOf;
    }

    private static Map<UUID, Profile> byId(Facts facts) {
        return facts.profiles().stream().collect(Collectors.toMap(Profile::id, Function.identity()));
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64)
                .setScale(1, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            evidence.put((String) pairs[i], pairs[i + 1]);
        }
        return evidence;
    }
}
