package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
