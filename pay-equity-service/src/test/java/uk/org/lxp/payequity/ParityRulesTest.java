package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import uk.org.lxp.payequity.ParityRules.Comparators;
import uk.org.lxp.payequity.ParityRules.Facts;
import uk.org.lxp.payequity.ParityRules.Finding;
import uk.org.lxp.payequity.ParityRules.Organisation;
import uk.org.lxp.payequity.ParityRules.Post;
import uk.org.lxp.payequity.ParityRules.Profile;
import uk.org.lxp.payequity.ParityRules.Rule;
import uk.org.lxp.payequity.ParityRules.Severity;

class ParityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Map<String, BigDecimal> ENTRY_2025 = Map.of("BAND_3", new BigDecimal("24937"),
            "BAND_4", new BigDecimal("27485"), "BAND_5", new BigDecimal("31049"), "BAND_7", new BigDecimal("47810"));
    private static final List<Organisation> ORGANISATIONS = List.of(new Organisation("AAA", "QWO"),
            new Organisation("BBB", "QWO"), new Organisation("CCC", "QHL"));

    private static Profile profile(String owner, String title, String band) {
        return new Profile(UUID.randomUUID(), owner, title, "PEER_SUPPORT", "ENTRY", band, "PUBLISHED");
    }

    private static Post post(Profile profile, PayBasis basis, String dayRate) {
        return new Post(UUID.randomUUID(), profile.owner(), profile.id(), "FILLED", false, null, basis,
                dayRate == null ? null : new BigDecimal(dayRate));
    }

    private static List<Finding> run(List<Profile> profiles, List<Post> posts, List<Comparators> comparators) {
        return ParityRules.evaluate(new Facts(ORGANISATIONS, profiles, posts, comparators, ENTRY_2025, TODAY));
    }

    private static List<Finding> of(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    private static Profile evaluated(String owner, String band, List<String> evaluatedBands) {
        return new Profile(UUID.randomUUID(), owner, "Peer Facilitator", "PEER_SUPPORT", "ENTRY", band, "PUBLISHED",
                evaluatedBands, 287, 343);
    }

    @Test
    void aRoleBandedBelowEveryBandItsOwnEvaluationEvidencesIsBelowEvaluatedBand() {
        Profile bandThree = evaluated("AAA", "BAND_3", List.of("BAND_4", "BAND_5"));

        List<Finding> findings = of(run(List.of(bandThree), List.of(), List.of()), Rule.BELOW_EVALUATED_BAND);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.organisation()).isEqualTo("AAA");
            assertThat(finding.icb()).isEqualTo("QWO");
            assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(finding.evidence()).containsEntry("evaluatedBands", List.of("BAND_4", "BAND_5"))
                    .containsEntry("jobWeightMinimum", 287).containsEntry("band", "BAND_3");
        });
        assertThat(of(run(List.of(evaluated("AAA", "BAND_2", List.of("BAND_4"))), List.of(), List.of()),
                Rule.BELOW_EVALUATED_BAND)).singleElement().extracting(Finding::severity).isEqualTo(Severity.HIGH);
    }

    @Test
    void aRoleBandedWithinOrAboveItsEvaluationOrNotEvaluatedIsNotBelowEvaluatedBand() {
        List<Profile> profiles = List.of(evaluated("AAA", "BAND_4", List.of("BAND_4", "BAND_5")),
                evaluated("BBB", "BAND_6", List.of("BAND_4", "BAND_5")), profile("CCC", "Peer Facilitator", "BAND_3"),
                new Profile(UUID.randomUUID(), "AAA", "Retired", "PEER_SUPPORT", "ENTRY", "BAND_3", "RETIRED",
                        List.of("BAND_5"), 330, 330));

        assertThat(of(run(profiles, List.of(), List.of()), Rule.BELOW_EVALUATED_BAND)).isEmpty();
    }

    @Test
    void aMemberTrustsRoleBelowItsIcbsStandardDeviatesFromIt() {
        Profile bandThree = profile("AAA", "Peer Support Worker", "BAND_3");
        Profile bandFour = profile("BBB", "Peer Support Worker", "BAND_4");
        Profile elsewhere = profile("CCC", "Peer Support Worker", "BAND_3");
        List<ParityRules.Standard> standards = List.of(
                new ParityRules.Standard("QWO", "PEER_SUPPORT", "ENTRY", "BAND_4", LocalDate.of(2026, 4, 1)));
        List<Finding> findings = of(ParityRules.evaluate(new Facts(ORGANISATIONS, List.of(bandThree, bandFour, elsewhere),
                List.of(post(bandThree, PayBasis.SALARIED, null)), List.of(), ENTRY_2025, TODAY, standards)),
                Rule.DEVIATES_FROM_SYSTEM_STANDARD);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.organisation()).isEqualTo("AAA");
            assertThat(finding.icb()).isEqualTo("QWO");
            assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(finding.evidence()).containsEntry("standardBand", "BAND_4").containsEntry("openPosts", 1L);
        });
    }

    @Test
    void withoutAStandardForTheFamilyAndLevelNothingDeviates() {
        Profile bandThree = profile("AAA", "Peer Support Worker", "BAND_3");
        List<ParityRules.Standard> seniorOnly = List.of(
                new ParityRules.Standard("QWO", "PEER_SUPPORT", "SENIOR", "BAND_5", LocalDate.of(2026, 4, 1)));

        assertThat(of(ParityRules.evaluate(new Facts(ORGANISATIONS, List.of(bandThree), List.of(), List.of(), ENTRY_2025,
                TODAY, seniorOnly)), Rule.DEVIATES_FROM_SYSTEM_STANDARD)).isEmpty();
    }

    private static List<Finding> deviations(List<Profile> profiles, List<ParityRules.Standard> standards) {
        return of(ParityRules.evaluate(new Facts(ORGANISATIONS, profiles, List.of(), List.of(), ENTRY_2025, TODAY,
                standards)), Rule.DEVIATES_FROM_SYSTEM_STANDARD);
    }

    @Test
    void aRoleBelowTheStandardForTheBandItsEvaluationPutsItAtDeviatesUnlessItsFamilyAndLevelHaveOne() {
        Profile evaluatedBand4 = evaluated("AAA", "BAND_3", List.of("BAND_4", "BAND_5"));
        ParityRules.Standard byWeight = new ParityRules.Standard("QWO", null, null, "BAND_4", "BAND_4", LocalDate.of(2026, 4, 1));

        assertThat(deviations(List.of(evaluatedBand4), List.of(byWeight))).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("standardFor", "roles evaluated at BAND_4")
                        .containsEntry("standardBand", "BAND_4"));
        assertThat(deviations(List.of(profile("AAA", "Peer Facilitator", "BAND_3")), List.of(byWeight)))
                .as("not evaluated").isEmpty();
        assertThat(deviations(List.of(evaluated("AAA", "BAND_3", List.of("BAND_5"))), List.of(byWeight)))
                .as("evaluated at another band").isEmpty();
        ParityRules.Standard byRole = new ParityRules.Standard("QWO", "PEER_SUPPORT", "ENTRY", "BAND_3", LocalDate.of(2026, 4, 1));
        assertThat(deviations(List.of(evaluatedBand4), List.of(byWeight, byRole)))
                .as("the family and level's standard comes first").isEmpty();
    }

    @Test
    void theSameRoleTwoBandsApartInAnIcbIsBandVariance() {
        Profile low = profile("AAA", "Peer Facilitator", "BAND_3");
        Profile high = profile("BBB", "Peer Facilitator", "BAND_5");
        List<Finding> findings = of(run(List.of(low, high), List.of(), List.of()), Rule.BAND_VARIANCE);
        assertThat(findings).extracting(Finding::icb).contains("QWO").containsNull();
        Finding inIcb = findings.stream().filter(f -> "QWO".equals(f.icb()) && f.key().contains("|title|")).findFirst().orElseThrow();
        assertThat(inIcb.evidence()).containsEntry("lowestBand", "BAND_3").containsEntry("highestBand", "BAND_5")
                .containsEntry("bandsApart", 2);
        assertThat(inIcb.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void varianceEvidenceDoesNotDependOnTheOrderProfilesAreReadIn() {
        Profile low = profile("AAA", "Peer Worker", "BAND_3");
        Profile high = profile("AAA", "Peer Worker", "BAND_6");
        Profile other = profile("BBB", "Peer Worker", "BAND_4");

        List<Finding> oneWay = of(run(List.of(high, low, other), List.of(), List.of()), Rule.BAND_VARIANCE);
        List<Finding> otherWay = of(run(List.of(other, low, high), List.of(), List.of()), Rule.BAND_VARIANCE);

        assertThat(oneWay).isNotEmpty().containsExactlyInAnyOrderElementsOf(otherWay);
        assertThat(oneWay.get(0).evidence().get("bandsByOrganisation"))
                .isEqualTo(Map.of("AAA", List.of("BAND_3", "BAND_6"), "BBB", List.of("BAND_4")));
    }

    @Test
    void oneBandApartOrOneOrganisationIsNoVariance() {
        assertThat(of(run(List.of(profile("AAA", "Peer Worker", "BAND_3"), profile("BBB", "Peer Worker", "BAND_4")),
                List.of(), List.of()), Rule.BAND_VARIANCE)).isEmpty();
        assertThat(of(run(List.of(profile("AAA", "Peer Worker", "BAND_3"), profile("AAA", "Peer Worker", "BAND_6")),
                List.of(), List.of()), Rule.BAND_VARIANCE)).isEmpty();
    }

    @Test
    void aPeerRoleBelowTheSupportWorkerBandIsBelowComparator() {
        Profile peer = profile("AAA", "Peer Support Worker", "BAND_3");
        List<Finding> findings = of(run(List.of(peer), List.of(), List.of(new Comparators("AAA", 40, 2, "BAND_4"))),
                Rule.BELOW_COMPARATOR);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.organisation()).isEqualTo("AAA");
            assertThat(f.evidence()).containsEntry("comparatorMedianBand", "BAND_4");
        });
        assertThat(of(run(List.of(profile("AAA", "Peer Support Worker", "BAND_4")), List.of(),
                List.of(new Comparators("AAA", 40, 2, "BAND_4"))), Rule.BELOW_COMPARATOR)).isEmpty();
    }

    @Test
    void aDayRateBelowTheBandsEntryDayIsSessionalUnderpayment() {
        Profile trainer = profile("AAA", "Lived Experience Trainer", "BAND_4");
        // Band 4 entry 2025/26 is 27,485 a year, 105.42 a day; 20 a day of expenses-only work is not sessional pay.
        List<Finding> findings = of(run(List.of(trainer), List.of(post(trainer, PayBasis.SESSIONAL, "80"),
                post(trainer, PayBasis.SESSIONAL, "300")), List.of()), Rule.SESSIONAL_UNDERPAYMENT);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.evidence()).containsEntry("posts", 1).containsEntry("bandEntryDayRate", new BigDecimal("105.42"));
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(of(run(List.of(trainer), List.of(post(trainer, PayBasis.SESSIONAL, "300")), List.of()),
                Rule.SESSIONAL_UNDERPAYMENT)).isEmpty();
    }

    @Test
    void unpaidPostsAfterClosingPaidOnesAreUnpaidSubstitution() {
        Profile trainer = profile("AAA", "Trainer", "BAND_4");
        Post unpaid = post(trainer, PayBasis.UNPAID, null);
        Post closedLastSpring = new Post(UUID.randomUUID(), "AAA", trainer.id(), "CLOSED", false,
                LocalDate.of(2026, 5, 1), PayBasis.SESSIONAL, new BigDecimal("300"));
        Post closedLongAgo = new Post(UUID.randomUUID(), "AAA", trainer.id(), "CLOSED", false,
                LocalDate.of(2024, 5, 1), PayBasis.SESSIONAL, new BigDecimal("300"));
        assertThat(of(run(List.of(trainer), List.of(unpaid, closedLastSpring), List.of()), Rule.UNPAID_SUBSTITUTION))
                .singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("paidPostsClosedInLast12Months", 1L));
        assertThat(of(run(List.of(trainer), List.of(unpaid, closedLongAgo), List.of()), Rule.UNPAID_SUBSTITUTION)).isEmpty();
        assertThat(of(run(List.of(trainer), List.of(closedLastSpring), List.of()), Rule.UNPAID_SUBSTITUTION)).isEmpty();
    }

    @Test
    void lxpPostsWithNoneAtBand7AreNoSeniorPost() {
        Profile peer = profile("AAA", "Peer", "BAND_3");
        Profile lead = profile("BBB", "Peer Lead", "BAND_7");
        Profile peerB = profile("BBB", "Peer", "BAND_3");
        List<Finding> findings = of(run(List.of(peer, lead, peerB), List.of(post(peer, PayBasis.SALARIED, null),
                post(peerB, PayBasis.SALARIED, null), post(lead, PayBasis.SALARIED, null)), List.of()), Rule.NO_SENIOR_POST);
        assertThat(findings).extracting(Finding::organisation).containsExactly("AAA");
    }

    @Test
    void farMoreFixedTermLxpPostsThanComparatorsIsFixedTermConcentration() {
        Profile peer = profile("AAA", "Peer", "BAND_3");
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(new Post(UUID.randomUUID(), "AAA", peer.id(), "FILLED", i < 4, null, PayBasis.SALARIED, null));
        }
        assertThat(of(run(List.of(peer), posts, List.of(new Comparators("AAA", 100, 10, "BAND_3"))),
                Rule.FIXED_TERM_CONCENTRATION)).singleElement().satisfies(f -> {
                    assertThat(f.evidence()).containsEntry("lxpFixedTermPercent", new BigDecimal("66.7"))
                            .containsEntry("comparatorFixedTermPercent", new BigDecimal("10.0"));
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                });
        assertThat(of(run(List.of(peer), posts, List.of(new Comparators("AAA", 100, 60, "BAND_3"))),
                Rule.FIXED_TERM_CONCENTRATION)).isEmpty();
        assertThat(of(run(List.of(peer), posts.subList(0, 4), List.of(new Comparators("AAA", 100, 10, "BAND_3"))),
                Rule.FIXED_TERM_CONCENTRATION)).as("too few posts to speak of shares").isEmpty();
    }

    private static Post paid(Profile profile, PayBasis basis, String basicFullTime) {
        return new Post(UUID.randomUUID(), profile.owner(), profile.id(), "FILLED", false, null, basis, null,
                new BigDecimal(basicFullTime));
    }

    private static List<Finding> equalValue(List<Profile> profiles, List<Post> posts, ParityRules.ComparatorBandPay pay) {
        return of(ParityRules.evaluate(new Facts(ORGANISATIONS, profiles, posts, List.of(), ENTRY_2025, TODAY, List.of(),
                List.of(pay))), Rule.EQUAL_VALUE_PAY_GAP);
    }

    @Test
    void postsEvaluatedAtABandPaidFivePercentBelowItsComparatorsAreAnEqualValuePayGap() {
        Profile facilitator = evaluated("AAA", "BAND_3", List.of("BAND_4", "BAND_5"));
        List<Post> posts = List.of(paid(facilitator, PayBasis.SALARIED, "25760"), paid(facilitator, PayBasis.SALARIED, "27476"),
                paid(facilitator, PayBasis.SALARIED, "25760"), paid(facilitator, PayBasis.SALARIED, "27476"),
                paid(facilitator, PayBasis.HOURLY, "26618"));
        // Mean 26,618 against 29,000: 8.2% less.
        List<Finding> findings = equalValue(List.of(facilitator), posts,
                new ParityRules.ComparatorBandPay("AAA", "BAND_4", 10, new BigDecimal("29000")));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.organisation()).isEqualTo("AAA");
            assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(finding.evidence()).containsEntry("gapPercent", new BigDecimal("8.2"))
                    .containsEntry("evaluatedBand", "BAND_4").containsEntry("lxpPosts", 5)
                    .containsEntry("lxpMeanHourly", new BigDecimal("13.61"))
                    .containsEntry("comparatorMeanHourly", new BigDecimal("14.83"));
        });
        assertThat(equalValue(List.of(facilitator), posts,
                new ParityRules.ComparatorBandPay("AAA", "BAND_4", 10, new BigDecimal("31500"))))
                .singleElement().extracting(Finding::severity).as("15.5% less").isEqualTo(Severity.HIGH);
    }

    private static List<Post> five(Profile profile, PayBasis basis, String basicFullTime) {
        return IntStream.range(0, 5).mapToObj(i -> paid(profile, basis, basicFullTime)).toList();
    }

    @Test
    void aGapUnderFivePercentFewPostsOrComparatorsUnpaidPostsOrNoEvaluationMakeNoEqualValuePayGap() {
        Profile facilitator = evaluated("AAA", "BAND_3", List.of("BAND_4"));
        Profile unevaluated = profile("AAA", "Peer Worker", "BAND_3");
        ParityRules.ComparatorBandPay band4 = new ParityRules.ComparatorBandPay("AAA", "BAND_4", 10, new BigDecimal("27000"));
        ParityRules.ComparatorBandPay wellPaid = new ParityRules.ComparatorBandPay("AAA", "BAND_4", 10, new BigDecimal("31000"));

        assertThat(equalValue(List.of(facilitator), five(facilitator, PayBasis.SALARIED, "25760"), band4))
                .as("4.6% less").isEmpty();
        assertThat(equalValue(List.of(facilitator), five(facilitator, PayBasis.SALARIED, "25760").subList(0, 4), wellPaid))
                .as("4 posts").isEmpty();
        assertThat(equalValue(List.of(facilitator), five(facilitator, PayBasis.SALARIED, "25760"),
                new ParityRules.ComparatorBandPay("AAA", "BAND_4", 4, new BigDecimal("31000")))).as("4 comparators").isEmpty();
        assertThat(equalValue(List.of(facilitator), five(facilitator, PayBasis.UNPAID, "0"), wellPaid)).isEmpty();
        assertThat(equalValue(List.of(unevaluated), five(unevaluated, PayBasis.SALARIED, "20000"), wellPaid)).isEmpty();
        assertThat(equalValue(List.of(facilitator), five(facilitator, PayBasis.SALARIED, "20000"),
                new ParityRules.ComparatorBandPay("BBB", "BAND_4", 10, new BigDecimal("31000")))).as("another employer").isEmpty();
        Profile template = new Profile(UUID.randomUUID(), null, "Peer Facilitator", "PEER_SUPPORT", "ENTRY", "BAND_3",
                "PUBLISHED", List.of("BAND_4"), 287, 343);
        assertThat(equalValue(List.of(template), IntStream.range(0, 5).mapToObj(i -> new Post(
                UUID.randomUUID(), "AAA", template.id(), "FILLED", false, null, PayBasis.SALARIED, null,
                new BigDecimal("25760"))).toList(), wellPaid)).as("posts of a national template role count").hasSize(1);
    }

    @Test
    void bandVarianceBetweenRolesOfEqualEvaluatedWeightSaysSoAndIsHigh() {
        Profile low = evaluated("AAA", "BAND_3", List.of("BAND_4", "BAND_5"));
        Profile high = evaluated("BBB", "BAND_5", List.of("BAND_4", "BAND_5"));

        assertThat(of(run(List.of(low, high), List.of(), List.of()), Rule.BAND_VARIANCE)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.evidence()).containsEntry("equalEvaluatedWeight", true)
                    .containsEntry("evaluatedWeightsByOrganisation",
                            Map.of("AAA", List.of("BAND_3 weighed 287-343"), "BBB", List.of("BAND_5 weighed 287-343")));
            assertThat(f.subject()).contains("job evaluation weighs them alike");
        });
        Profile unevaluatedHigh = profile("BBB", "Peer Facilitator", "BAND_5");
        assertThat(of(run(List.of(low, unevaluatedHigh), List.of(), List.of()), Rule.BAND_VARIANCE)).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.evidence()).containsEntry("equalEvaluatedWeight", false);
                });
        assertThat(of(run(List.of(profile("AAA", "Peer Facilitator", "BAND_3"), unevaluatedHigh), List.of(), List.of()),
                Rule.BAND_VARIANCE)).isNotEmpty().allSatisfy(f -> assertThat(f.evidence())
                        .doesNotContainKeys("equalEvaluatedWeight", "evaluatedWeightsByOrganisation"));
    }

    private static final UUID BAND_7_OFFER = UUID.randomUUID();
    private static final ParityRules.Programme OFFER = new ParityRules.Programme(BAND_7_OFFER,
            "Band 7 lived experience leadership offer (2020)", "BAND_7", 1);

    private static Post funded(Profile profile, String status, LocalDate vacantSince) {
        return new Post(UUID.randomUUID(), profile.owner(), profile.id(), status, false, null, PayBasis.SALARIED, null,
                null, BAND_7_OFFER, vacantSince);
    }

    private static List<Finding> funding(List<Profile> profiles, List<Post> posts, List<ParityRules.Award> awards,
            Rule rule) {
        return of(ParityRules.evaluate(new Facts(ORGANISATIONS, profiles, posts, List.of(), ENTRY_2025, TODAY, List.of(),
                List.of(), List.of(OFFER), awards)), rule);
    }

    @Test
    void anAwardWithoutItsPostSixMonthsOnIsAFundedPostNotCreated() {
        Profile lead = profile("AAA", "Lived Experience Lead", "BAND_7");
        ParityRules.Award longAgo = new ParityRules.Award(BAND_7_OFFER, "AAA", LocalDate.of(2021, 2, 10));

        assertThat(funding(List.of(lead), List.of(), List.of(longAgo), Rule.FUNDED_POST_NOT_CREATED)).singleElement()
                .satisfies(f -> {
                    assertThat(f.organisation()).isEqualTo("AAA");
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.evidence()).containsEntry("postsFunded", 1).containsEntry("postsCreated", 0L)
                            .containsEntry("awardedOn", "2021-02-10");
                });
        assertThat(funding(List.of(lead), List.of(), List.of(new ParityRules.Award(BAND_7_OFFER, "AAA",
                TODAY.minusMonths(7))), Rule.FUNDED_POST_NOT_CREATED)).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aCreatedPostARecentAwardOrAClosedOneMakeNoFundedPostNotCreatedWhereTheyShouldNot() {
        Profile lead = profile("AAA", "Lived Experience Lead", "BAND_7");
        ParityRules.Award longAgo = new ParityRules.Award(BAND_7_OFFER, "AAA", LocalDate.of(2021, 2, 10));

        assertThat(funding(List.of(lead), List.of(funded(lead, "FILLED", null)), List.of(longAgo),
                Rule.FUNDED_POST_NOT_CREATED)).isEmpty();
        assertThat(funding(List.of(lead), List.of(), List.of(new ParityRules.Award(BAND_7_OFFER, "AAA",
                TODAY.minusMonths(5))), Rule.FUNDED_POST_NOT_CREATED)).as("within six months").isEmpty();
        assertThat(funding(List.of(lead), List.of(funded(lead, "CLOSED", null)), List.of(longAgo),
                Rule.FUNDED_POST_NOT_CREATED)).as("a closed post is not the post").hasSize(1);
    }

    @Test
    void aFundedPostVacantForSixMonthsIsNotFilledAndOneBandedBelowTheOfferIsDownbanded() {
        Profile lead = profile("AAA", "Lived Experience Lead", "BAND_7");
        Profile coordinator = profile("BBB", "Peer Support Coordinator", "BAND_6");

        assertThat(funding(List.of(lead), List.of(funded(lead, "VACANT", TODAY.minusMonths(8))), List.of(),
                Rule.FUNDED_POST_NOT_FILLED)).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("vacantPosts", 1));
        assertThat(funding(List.of(lead), List.of(funded(lead, "VACANT", TODAY.minusMonths(2))), List.of(),
                Rule.FUNDED_POST_NOT_FILLED)).as("vacant two months").isEmpty();
        assertThat(funding(List.of(lead), List.of(funded(lead, "FILLED", null)), List.of(),
                Rule.FUNDED_POST_NOT_FILLED)).isEmpty();

        assertThat(funding(List.of(coordinator), List.of(funded(coordinator, "FILLED", null)), List.of(),
                Rule.FUNDED_POST_DOWNBANDED)).singleElement().satisfies(f -> {
                    assertThat(f.organisation()).isEqualTo("BBB");
                    assertThat(f.evidence()).containsEntry("bands", List.of("BAND_6")).containsEntry("fundedBand", "BAND_7");
                });
        assertThat(funding(List.of(lead), List.of(funded(lead, "FILLED", null)), List.of(),
                Rule.FUNDED_POST_DOWNBANDED)).isEmpty();
        Post unfunded = new Post(UUID.randomUUID(), "BBB", coordinator.id(), "FILLED", false, null, PayBasis.SALARIED, null);
        assertThat(funding(List.of(coordinator), List.of(unfunded), List.of(), Rule.FUNDED_POST_DOWNBANDED)).isEmpty();
    }
}
