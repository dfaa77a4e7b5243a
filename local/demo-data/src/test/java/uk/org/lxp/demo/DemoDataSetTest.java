package uk.org.lxp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.org.lxp.demo.Establishment.Comparator;
import uk.org.lxp.demo.Establishment.PayRecord;
import uk.org.lxp.demo.Establishment.Post;

/**
 * The data set itself: its size, that each story is in it as the parity rule that names it needs (the thresholds
 * of pay-equity-service's ParityRules), that every row would pass the services' validation, and that it names
 * no one.
 */
class DemoDataSetTest {

    private static final DemoDataSet DATA = DemoDataSet.standard();
    /** The pay scale pay-equity-service loads and validates pay records and comparators against. */
    private static final Path SERVICE_PAY_SCALES =
            Path.of("../../pay-equity-service/src/main/resources/reference/afc-pay-scales-england.csv");
    private static final List<String> BANDS = List.of("BAND_2", "BAND_3", "BAND_4", "BAND_5", "BAND_6", "BAND_7",
            "BAND_8A", "BAND_8B", "BAND_8C", "BAND_8D", "BAND_9");
    private static final BigDecimal WORKING_DAYS_PER_YEAR = new BigDecimal("260.715");

    @Test
    void tenTrustsInThreeIcbsWithAFewHundredPosts() {
        assertThat(DATA.organisations().icbs()).extracting(Organisations.Icb::odsCode)
                .containsExactly("QWO", "QOP", "QYG");
        assertThat(DATA.organisations().trusts()).extracting(Organisations.Trust::odsCode)
                .containsExactlyInAnyOrder("RGD", "RXG", "TAD", "RY6", "RXV", "RT2", "R0A", "RW4", "RXA", "RBS");
        assertThat(DATA.organisations().trusts()).extracting(Organisations.Trust::icb)
                .allMatch(Set.of("QWO", "QOP", "QYG")::contains);
        assertThat(DATA.establishments()).extracting(Establishment::organisation)
                .containsExactlyInAnyOrderElementsOf(trusts());
        assertThat(allPosts()).hasSizeBetween(250, 400);
        assertThat(DATA.establishments()).allSatisfy(e -> {
            assertThat(e.posts()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(e.comparators().records()).hasSizeBetween(24, 80);
        });
    }

    @Test
    void aboutTwentyProfilesCoverEveryFamilyAndLevel() {
        assertThat(DATA.catalogue().profiles()).hasSizeBetween(18, 24);
        assertThat(profiles().map(RoleCatalogue.Content::family)).containsAll(List.of("PEER_SUPPORT",
                "LIVED_EXPERIENCE_RESEARCH", "LIVED_EXPERIENCE_EDUCATION_AND_TRAINING", "LIVED_EXPERIENCE_CONSULTANCY",
                "EXPERT_BY_EXPERIENCE_AND_COPRODUCTION", "LIVED_EXPERIENCE_LEADERSHIP"));
        assertThat(profiles().map(RoleCatalogue.Content::level))
                .containsAll(List.of("ENTRY", "SENIOR", "LEAD_OR_ADVANCED", "STRATEGIC_OR_DIRECTOR"));
        assertThat(profiles().filter(p -> p.ownerOdsCode() == null)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(profiles().filter(p -> p.ownerOdsCode() != null)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(DATA.catalogue().profiles()).extracting(p -> p.owner() + "|" + p.title()).doesNotHaveDuplicates();
    }

    @Test
    void everyProfileStatesItsLivedExperienceMostlyAsEssential() {
        assertThat(profiles()).allSatisfy(p -> {
            assertThat(p.livedExperience().wording()).isNotBlank();
            assertThat(p.staffGroupCode()).matches("0[1-9]|10");
            assertThat(p.supervisionRequirements()).allSatisfy(s -> assertThat(s.minimumEveryDays()).isBetween(1, 365));
        });
        assertThat(profiles().filter(p -> p.livedExperience().essential()).count())
                .isGreaterThanOrEqualTo(DATA.catalogue().profiles().size() - 2);
        assertThat(profiles().filter(p -> "RBS".equals(p.ownerOdsCode()))
                .map(p -> p.livedExperience().focus())).contains("CARER_OR_FAMILY");
        assertThat(profiles().map(p -> p.livedExperience().focus())).contains("SUBSTANCE_USE");
        assertThat(profiles().filter(p -> p.patientFacing() && "08".equals(p.staffGroupCode()))
                .filter(p -> "PEER_SUPPORT".equals(p.family()))).hasSize(1);
        assertThat(profiles().filter(p -> p.patientFacing() && "PEER_SUPPORT".equals(p.family()))
                .filter(p -> "07".equals(p.staffGroupCode())).count()).isGreaterThan(5);
    }

    @Test
    void routesLeadEntryRolesToBand7ButLeaveSomeAsDeadEnds() {
        Map<String, List<String>> routesFrom = DATA.catalogue().routes().stream().collect(
                Collectors.groupingBy(RoleCatalogue.Route::from, Collectors.mapping(RoleCatalogue.Route::to, Collectors.toList())));
        assertThat(DATA.catalogue().routes()).allSatisfy(route -> {
            assertThat(profile(route.from())).isNotNull();
            assertThat(profile(route.to())).isNotNull();
            assertThat(route.kind()).isIn("PRACTICE", "MANAGERIAL");
            assertThat(route.requirements()).isNotEmpty();
        });
        assertThat(DATA.catalogue().routes()).extracting(RoleCatalogue.Route::kind).contains("PRACTICE", "MANAGERIAL");
        List<String> entryRoles = DATA.catalogue().profiles().stream()
                .filter(p -> "ENTRY".equals(p.profile().level())).map(RoleCatalogue.Profile::key).toList();
        List<String> deadEnds = entryRoles.stream().filter(key -> !reachesBand7(key, routesFrom)).toList();
        assertThat(deadEnds).contains("rt2-recovery-peer-mentor");
        assertThat(entryRoles.size() - deadEnds.size()).isGreaterThanOrEqualTo(5);
        assertThat(reachesBand7("rxg-peer-facilitator", routesFrom)).isTrue();
    }

    /** BAND_VARIANCE: the same title two or more bands apart across organisations of an ICB. */
    @Test
    void peerFacilitatorIsBand3AtRxgAndBand5AtRgdInWestYorkshire() {
        Map<String, String> bandByOwner = profiles().filter(p -> p.title().equals("Peer Facilitator"))
                .collect(Collectors.toMap(RoleCatalogue.Content::ownerOdsCode, RoleCatalogue.Content::band));
        assertThat(bandByOwner).containsEntry("RXG", "BAND_3").containsEntry("RGD", "BAND_5");
        assertThat(icbOf("RXG")).isEqualTo("QWO").isEqualTo(icbOf("RGD"));
        assertThat(rank("BAND_5") - rank("BAND_3")).isGreaterThanOrEqualTo(2);
        assertThat(establishment("RXG").posts()).anyMatch(post -> post.profileKey().equals("rxg-peer-facilitator"));
        assertThat(establishment("RGD").posts()).anyMatch(post -> post.profileKey().equals("rgd-peer-facilitator"));
        assertThat(story("BAND_VARIANCE").icb()).isEqualTo("QWO");
    }

    /** UNPAID_SUBSTITUTION: open unpaid posts of a family after paid posts of that family closed. */
    @Test
    void rxvClosedItsPaidSessionalTrainersAndTrainsWithUnpaidExpertsOfTheSameFamily() {
        Establishment rxv = establishment("RXV");
        List<Post> closed = rxv.posts().stream().filter(post -> !post.isOpen()).toList();
        assertThat(closed).isNotEmpty().allSatisfy(post -> {
            assertThat(profile(post.profileKey()).title()).isEqualTo("Lived Experience Trainer");
            assertThat(post.holderStaffReference()).isNull();
            assertThat(rxv.earlierStateOf(post.postReference())).get()
                    .satisfies(earlier -> assertThat(earlier.status()).isEqualTo("FILLED"));
            assertThat(payOf(rxv, post.postReference())).satisfies(pay -> {
                assertThat(pay.basis()).isEqualTo("SESSIONAL");
                assertThat(pay.dayRate()).isEqualByComparingTo("300");
            });
        });
        List<Post> unpaid = rxv.posts().stream().filter(Post::isOpen)
                .filter(post -> payOf(rxv, post.postReference()) != null)
                .filter(post -> payOf(rxv, post.postReference()).basis().equals("UNPAID")).toList();
        assertThat(unpaid).isNotEmpty().allSatisfy(post -> {
            RoleCatalogue.Content profile = profile(post.profileKey());
            assertThat(profile.title()).isEqualTo("Expert by Experience Trainer");
            assertThat(profile.contractBasis()).isEqualTo("VOLUNTARY_UNPAID");
            assertThat(profile.family()).isEqualTo(profile(closed.get(0).profileKey()).family());
            assertThat(payOf(rxv, post.postReference()).expensesPerDay()).isEqualByComparingTo("20");
        });
    }

    /** SESSIONAL_UNDERPAYMENT: an open sessional post paid below the day equivalent of its band's entry point. */
    @Test
    void rxaPaysSessionalCoFacilitatorsBelowTheDayRateOfTheirBandsEntryPoint() throws IOException {
        Map<String, BigDecimal> entryAnnual = serviceEntryAnnualByBand();
        Establishment rxa = establishment("RXA");
        List<Post> underpaid = rxa.posts().stream().filter(Post::isOpen).filter(post -> {
            PayRecord pay = payOf(rxa, post.postReference());
            String band = payBand(profile(post.profileKey()).band());
            return pay != null && pay.basis().equals("SESSIONAL") && band != null
                    && pay.dayRate().compareTo(entryAnnual.get(band).divide(WORKING_DAYS_PER_YEAR, MathContext.DECIMAL64)) < 0;
        }).toList();
        assertThat(underpaid).isNotEmpty()
                .allSatisfy(post -> assertThat(profile(post.profileKey()).title()).isEqualTo("Recovery College Peer Co-Facilitator"));
        assertThat(story("SESSIONAL_UNDERPAYMENT").organisation()).isEqualTo("RXA");
    }

    /** NO_SENIOR_POST: open LXP posts and none at Band 7 or above. */
    @Test
    void rt2HasOpenPostsButNoneAtBand7WhileTheOtherTrustsHaveABand7Lead() {
        assertThat(establishment("RT2").posts()).filteredOn(Post::isOpen).hasSizeGreaterThanOrEqualTo(10)
                .noneMatch(post -> rank(profile(post.profileKey()).band()) >= rank("BAND_7"));
        assertThat(DATA.establishments()).filteredOn(e -> !e.organisation().equals("RT2")).allSatisfy(e ->
                assertThat(e.posts()).filteredOn(Post::isOpen)
                        .anyMatch(post -> rank(profile(post.profileKey()).band()) >= rank("BAND_7")));
    }

    /** BELOW_COMPARATOR: a trust's own LXP profile below the median band of its 07 comparators (at least 5). */
    @Test
    void rw4BandsPeerSupportWorkersBelowTheMedianBandOfIts07Comparators() {
        assertThat(median07(establishment("RW4"))).isEqualTo("BAND_4");
        assertThat(establishment("RW4").comparators().records()).filteredOn(c -> c.staffGroupCode().equals("07"))
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(profile("rw4-peer-support-worker")).satisfies(p -> {
            assertThat(p.ownerOdsCode()).isEqualTo("RW4");
            assertThat(p.band()).isEqualTo("BAND_3");
        });
        assertThat(establishment("RW4").posts()).anyMatch(post -> post.profileKey().equals("rw4-peer-support-worker"));
        // Elsewhere the trusts' own profiles are at or above their comparators' median, so only RW4 shows.
        assertThat(DATA.establishments()).filteredOn(e -> !e.organisation().equals("RW4")).allSatisfy(e ->
                assertThat(profiles().filter(p -> e.organisation().equals(p.ownerOdsCode()))
                        .filter(p -> rank(p.band()) >= 0 && rank(p.band()) < rank(median07(e))))
                        .isEmpty());
    }

    /**
     * EQUAL_VALUE_PAY_GAP: RXG's Peer Facilitators, evaluated at Band 4 weight and paid on Band 3, earn 5% or more
     * less than its Band 4 comparators (at least 5), both on the 2026/27 scale; RGD's, the same job on Band 5, do not.
     */
    @Test
    void rxgPaysPeerFacilitatorsOfBand4WeightWellBelowItsBand4Comparators() throws IOException {
        Map<String, BigDecimal> annual = serviceRows("2026/27")
                .collect(Collectors.toMap(row -> row[2] + "/" + row[3], row -> new BigDecimal(row[4])));
        Establishment rxg = establishment("RXG");
        List<BigDecimal> lxp = rxg.posts().stream().filter(Post::isOpen)
                .filter(post -> post.profileKey().equals("rxg-peer-facilitator"))
                .map(post -> payOf(rxg, post.postReference())).filter(pay -> pay != null && pay.basis().equals("SALARIED"))
                .map(pay -> annual.get(payBand(pay.band()) + "/" + pay.point())).toList();
        List<BigDecimal> comparators = rxg.comparators().records().stream().filter(c -> c.band().equals("BAND_4"))
                .map(c -> annual.get("4/" + c.point())).toList();

        assertThat(lxp).isNotEmpty();
        assertThat(comparators).hasSizeGreaterThanOrEqualTo(5);
        double lxpMean = lxp.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        double comparatorMean = comparators.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        assertThat(100 * (comparatorMean - lxpMean) / comparatorMean).isGreaterThanOrEqualTo(5.0);
        assertThat(DATA.catalogue().evaluations()).extracting(RoleCatalogue.Evaluation::profile)
                .contains("rxg-peer-facilitator", "rgd-peer-facilitator");
    }

    /** FIXED_TERM_CONCENTRATION: LXP fixed-term share at least 20 points above and twice the comparators'. */
    @Test
    void r0aFundsMostLxpPostsFixedTermAgainstFewFixedTermComparators() {
        Establishment r0a = establishment("R0A");
        assertThat(r0a.posts().stream().filter(Post::isOpen).count()).isGreaterThanOrEqualTo(5);
        assertThat(fixedTermConcentration(r0a)).isTrue();
        assertThat(DATA.establishments()).filteredOn(e -> !e.organisation().equals("R0A"))
                .noneMatch(DemoDataSetTest::fixedTermConcentration);
    }

    @Test
    void everyParityRuleHasOneStory() {
        assertThat(DATA.stories()).extracting(Story::rule).containsExactlyInAnyOrder("BAND_VARIANCE",
                "UNPAID_SUBSTITUTION", "SESSIONAL_UNDERPAYMENT", "NO_SENIOR_POST", "BELOW_COMPARATOR",
                "FIXED_TERM_CONCENTRATION", "BELOW_EVALUATED_BAND", "DEVIATES_FROM_SYSTEM_STANDARD", "EQUAL_VALUE_PAY_GAP",
                "FUNDED_POST_NOT_CREATED", "FUNDED_POST_NOT_FILLED", "FUNDED_POST_DOWNBANDED");
        assertThat(DATA.stories()).allSatisfy(story -> {
            assertThat(story.story()).isNotBlank();
            assertThat(story.where()).isNotNull();
        });
    }

    @Test
    void thePayScaleShippedWithTheDemoIsPayEquityServicesOwn() throws IOException {
        try (var shipped = PayScale.class.getResourceAsStream("afc-pay-scales-england.csv")) {
            assertThat(new String(shipped.readAllBytes())).isEqualTo(Files.readString(SERVICE_PAY_SCALES));
        }
    }

    @Test
    void salariedPayAndComparatorsUseOnlyPointsTheirBandHasIn2026To27() throws IOException {
        Set<String> points = servicePoints("2026/27");
        assertThat(allPayRecords()).filteredOn(pay -> pay.basis().equals("SALARIED")).isNotEmpty()
                .allSatisfy(pay -> assertThat(points).contains(payBand(pay.band()) + "/" + pay.point()));
        assertThat(DATA.establishments().stream().flatMap(e -> e.comparators().records().stream()))
                .allSatisfy(c -> assertThat(points).contains(payBand(c.band()) + "/" + c.point()));
        assertThat(DATA.establishments()).allSatisfy(e -> assertThat(e.comparators().asOf()).hasToString("2026-10-01"));
    }

    @Test
    void payRecordsAreForFilledPostsOnTheirProfilesTermsAt2026To27() {
        for (Establishment e : DATA.establishments()) {
            Map<String, Post> paid = Stream.concat(e.posts().stream(), e.earlierStates().stream())
                    .filter(post -> post.status().equals("FILLED"))
                    .collect(Collectors.toMap(Post::postReference, Function.identity(), (a, b) -> a));
            assertThat(e.payRecords()).extracting(PayRecord::postReference).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(paid.keySet());
            assertThat(e.payRecords()).allSatisfy(pay -> {
                Post post = paid.get(pay.postReference());
                assertThat(pay.effectiveFrom()).hasToString("2026-04-01");
                assertThat(pay.fte()).isEqualByComparingTo(post.fte());
                assertThat(pay.hcasZone()).isNull();
                switch (pay.basis()) {
                    case "SALARIED" -> assertThat(pay.band()).isEqualTo(profile(post.profileKey()).band());
                    case "SESSIONAL" -> assertThat(pay.dayRate()).isPositive().isLessThanOrEqualTo(new BigDecimal("2000"));
                    case "UNPAID" -> assertThat(pay.dayRate()).isNull();
                    default -> throw new AssertionError("unexpected basis " + pay.basis());
                }
            });
        }
    }

    @Test
    void postsWouldPassRolesServicesValidation() {
        assertThat(DATA.establishments()).allSatisfy(e -> {
            assertThat(e.posts()).extracting(Post::postReference).doesNotHaveDuplicates()
                    .allMatch(reference -> reference.matches(e.organisation() + "-[A-Z]{2,6}-\\d{4}"));
            assertThat(e.posts()).allSatisfy(post -> {
                assertThat(post.fte()).isBetween(new BigDecimal("0.40"), BigDecimal.ONE);
                assertThat(post.fte().scale()).isLessThanOrEqualTo(2);
                assertThat(post.status()).isIn("VACANT", "FILLED", "FROZEN", "CLOSED");
                assertThat(post.holderStaffReference() != null).isEqualTo(post.status().equals("FILLED"));
                assertThat(post.funding().endDate() != null).isEqualTo(post.funding().isFixedTerm());
                assertThat(profile(post.profileKey()).ownerOdsCode()).isIn(null, e.organisation());
            });
        });
        Map<String, Long> statuses = allPosts().stream().collect(Collectors.groupingBy(Post::status, Collectors.counting()));
        assertThat(statuses.get("FILLED")).isGreaterThan(allPosts().size() / 2L);
        assertThat(statuses).containsKeys("VACANT", "FROZEN", "CLOSED");
        assertThat(allPosts()).extracting(post -> post.funding().stream()).contains(
                "NHS England Long Term Plan transformation", "Community mental health transformation");
    }

    @Test
    void postsNameNoOne() {
        List<String> holders = Stream.concat(allPosts().stream(),
                        DATA.establishments().stream().flatMap(e -> e.earlierStates().stream()))
                .map(Post::holderStaffReference).filter(holder -> holder != null).distinct().toList();
        assertThat(holders).isNotEmpty().allMatch(holder -> holder.matches("E-[A-Z0-9]{3}-\\d{5}"));
        assertThat(allPosts()).allSatisfy(post -> assertThat(String.join(" ", post.postReference(), post.team(),
                String.valueOf(post.funding().stream()))).doesNotContain("@").doesNotContainPattern("\\b(Mr|Mrs|Ms|Dr)\\b"));
    }

    @Test
    void everyGenerationIsTheSame() {
        assertThat(DemoDataSet.standard()).isEqualTo(DATA);
    }

    private static boolean fixedTermConcentration(Establishment e) {
        List<Post> open = e.posts().stream().filter(Post::isOpen).toList();
        List<Comparator> comparators = e.comparators().records();
        if (open.size() < 5 || comparators.size() < 5) {
            return false;
        }
        double lxp = 100.0 * open.stream().filter(post -> post.funding().isFixedTerm()).count() / open.size();
        double others = 100.0 * comparators.stream().filter(Comparator::fixedTerm).count() / comparators.size();
        return lxp - others >= 20 && lxp >= 2 * others;
    }

    /** The median band of the 07 comparators, as pay-equity-service takes it: the lower middle one. */
    private static String median07(Establishment e) {
        List<String> bands = e.comparators().records().stream().filter(c -> c.staffGroupCode().equals("07"))
                .map(Comparator::band).sorted(java.util.Comparator.comparingInt(DemoDataSetTest::rank)).toList();
        return bands.get((bands.size() - 1) / 2);
    }

    private static boolean reachesBand7(String start, Map<String, List<String>> routesFrom) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            for (String next : routesFrom.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(next)) {
                    if (rank(profile(next).band()) >= rank("BAND_7")) {
                        return true;
                    }
                    queue.add(next);
                }
            }
        }
        return false;
    }

    private static Map<String, BigDecimal> serviceEntryAnnualByBand() throws IOException {
        return serviceRows("2026/27").filter(row -> row[3].equals("1"))
                .collect(Collectors.toMap(row -> row[2], row -> new BigDecimal(row[4])));
    }

    private static Set<String> servicePoints(String payYear) throws IOException {
        return serviceRows(payYear).map(row -> row[2] + "/" + row[3]).collect(Collectors.toSet());
    }

    private static Stream<String[]> serviceRows(String payYear) throws IOException {
        return Files.readAllLines(SERVICE_PAY_SCALES).stream().skip(1).map(line -> line.split(","))
                .filter(row -> row[0].equals(payYear));
    }

    private static String payBand(String profileBand) {
        return profileBand.startsWith("BAND_") ? profileBand.substring(5).toLowerCase() : null;
    }

    private static int rank(String band) {
        return BANDS.indexOf(band);
    }

    private static Stream<RoleCatalogue.Content> profiles() {
        return DATA.catalogue().profiles().stream().map(RoleCatalogue.Profile::profile);
    }

    private static RoleCatalogue.Content profile(String key) {
        return DATA.catalogue().profiles().stream().filter(p -> p.key().equals(key)).findFirst()
                .map(RoleCatalogue.Profile::profile).orElse(null);
    }

    private static Establishment establishment(String organisation) {
        return DATA.establishments().stream().filter(e -> e.organisation().equals(organisation)).findFirst().orElseThrow();
    }

    private static PayRecord payOf(Establishment e, String postReference) {
        return e.payRecords().stream().filter(pay -> pay.postReference().equals(postReference)).findFirst().orElse(null);
    }

    private static String icbOf(String trust) {
        return DATA.organisations().trusts().stream().filter(t -> t.odsCode().equals(trust)).findFirst().orElseThrow().icb();
    }

    private static Story story(String rule) {
        return DATA.stories().stream().filter(s -> s.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String> trusts() {
        return DATA.organisations().trusts().stream().map(Organisations.Trust::odsCode).toList();
    }

    private static List<Post> allPosts() {
        return DATA.establishments().stream().flatMap(e -> e.posts().stream()).toList();
    }

    private static List<PayRecord> allPayRecords() {
        return DATA.establishments().stream().flatMap(e -> e.payRecords().stream()).toList();
    }
}
