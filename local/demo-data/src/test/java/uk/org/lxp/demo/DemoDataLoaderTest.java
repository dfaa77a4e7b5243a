package uk.org.lxp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader against an in-memory gateway (on the loopback interface): the calls it makes, as which client, in
 * which order, and that a second load changes nothing.
 */
class DemoDataLoaderTest {

    private final List<String> progress = new ArrayList<>();
    private FakeGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private DemoDataLoader loader(Duration timeout) {
        return new DemoDataLoader(gateway.url(), gateway.tokens(), progress::add, timeout);
    }

    @Test
    void loadsEverythingThroughTheGatewayAndASecondLoadChangesNothing() {
        gateway.delayPayEquityFor("RXV", 1);
        DemoSummary first = loader(Duration.ofSeconds(30)).load();

        assertThat(first.organisations()).isEqualTo(new DemoSummary.Count(13, 4, 9));
        assertThat(first.roleProfiles()).isEqualTo(new DemoSummary.Count(21, 21, 0));
        assertThat(first.progressionRoutes()).isEqualTo(new DemoSummary.Count(17, 17, 0));
        assertThat(first.posts().total()).isEqualTo(gateway.postCount()).isEqualTo(296);
        assertThat(first.posts().created()).isEqualTo(296);
        assertThat(first.posts().changed()).isEqualTo(6);
        assertThat(first.payRecords().created()).isEqualTo(first.payRecords().total()).isEqualTo(gateway.payRecordCount());
        assertThat(first.comparatorRecords().created()).isEqualTo(first.comparatorRecords().total());
        assertThat(first.openFindingsByRule()).containsOnlyKeys("BAND_VARIANCE", "BELOW_COMPARATOR",
                "SESSIONAL_UNDERPAYMENT", "UNPAID_SUBSTITUTION", "NO_SENIOR_POST", "FIXED_TERM_CONCENTRATION",
                "BELOW_EVALUATED_BAND", "DEVIATES_FROM_SYSTEM_STANDARD", "EQUAL_VALUE_PAY_GAP",
                "FUNDED_POST_NOT_CREATED", "FUNDED_POST_NOT_FILLED", "FUNDED_POST_DOWNBANDED")
                .containsEntry("BAND_VARIANCE", 2);
        assertThat(first.systemPayStandards()).isEqualTo(new DemoSummary.Count(1, 1, 0));
        assertThat(first.fundingApplicationSteps()).isEqualTo(new DemoSummary.Count(16, 16, 0));
        assertThat(first.storiesNotShown()).isEmpty();
        assertThat(first.supervisors().created()).isEqualTo(first.supervisors().total())
                .isEqualTo(gateway.supervisorCount()).isGreaterThan(40);
        assertThat(first.supervisionAgreements().created()).isEqualTo(gateway.agreements().size()).isGreaterThan(150);
        assertThat(gateway.agreements()).allSatisfy(agreement -> assertThat(agreement.path("cadence").path("rule").asText())
                .startsWith("FREQ=WEEKLY;INTERVAL="));
        assertThat(gateway.agreements()).extracting(agreement -> agreement.path("type").asText())
                .contains("LIVED_EXPERIENCE_PROFESSIONAL", "LINE_MANAGEMENT", "CLINICAL_OR_CASE");
        assertThat(gateway.sessions()).extracting(session -> session.path("status").asText())
                .contains("HELD", "CANCELLED", "MISSED");
        assertThat(first.sessionOutcomes().created())
                .isEqualTo(gateway.sessions().stream().filter(s -> !s.path("status").asText().equals("SCHEDULED")).count());
        List<String> newStarters = DemoDataSet.standard().establishments().stream().flatMap(e -> e.posts().stream())
                .filter(Establishment.Post::heldByNewStarter).map(Establishment.Post::holderStaffReference).toList();
        assertThat(newStarters).hasSize(DemoDataSet.standard().establishments().size());
        assertThat(gateway.agreements()).extracting(a -> a.path("superviseeStaffReference").asText())
                .doesNotContainAnyElementsOf(newStarters);
        assertThat(gateway.sessions().stream().collect(Collectors.groupingBy(
                session -> session.path("superviseeStaffReference").asText(), Collectors.mapping(
                        session -> session.path("status").asText(), Collectors.toSet()))))
                .containsValue(Set.of("CANCELLED"));
        assertThat(gateway.meetings()).isNotEmpty().allSatisfy(m -> assertThat(m.path("status").asText()).isEqualTo("HELD"));
        assertThat(gateway.trainees()).hasSize(2 * SupervisionPhase.TRAINEES)
                .extracting(t -> t.path("status").asText()).containsOnly("ENROLLED", "COMPLETED", "WITHDRAWN")
                .filteredOn("WITHDRAWN"::equals).hasSize(1);
        assertThat(gateway.trainees()).filteredOn(t -> t.path("status").asText().equals("ENROLLED"))
                .allSatisfy(t -> assertThat(t.path("mentoring").path("mentorId").asText()).isNotBlank());

        assertThat(gateway.organisation("QWO").path("validTo").isNull()).isTrue();
        assertThat(gateway.organisation("RGD").path("icbMemberships")).singleElement()
                .satisfies(m -> assertThat(m.path("validTo").isNull()).isTrue());
        assertThat(gateway.organisation("RBS").path("icbMemberships").get(0).path("icbOdsCode").asText()).isEqualTo("QYG");
        assertThat(gateway.profiles()).hasSize(23).filteredOn(p -> !p.path("status").asText().equals("PUBLISHED"))
                .singleElement().satisfies(sentBack -> {
                    assertThat(sentBack.path("title").asText()).isEqualTo("Crisis Cafe Peer Support Worker");
                    assertThat(sentBack.path("steeringDecisions").findValuesAsText("outcome"))
                            .containsExactly("CHANGES_REQUESTED");
                });
        assertThat(progress).contains(
                "role development: RGD co-produces its roles; 1 approved and published, 1 sent back with changes requested");
        assertThat(gateway.post("RXV", "RXV-LET-0001").path("status").asText()).isEqualTo("CLOSED");
        assertThat(gateway.comparators("RW4").path("byStaffGroup").path("07").asInt()).isEqualTo(28);
        assertThat(gateway.tokensIssuedTo(DemoClients.LXP_ADMIN)).isGreaterThan(1);
        assertThat(progress).contains("role profiles: 21 (21 created, 0 changed)",
                "RXV: waiting for pay-equity-service to learn its posts");

        gateway.changes().clear();
        DemoSummary second = loader(Duration.ofSeconds(30)).load();

        assertThat(gateway.changes()).isEmpty();
        assertThat(List.of(second.organisations(), second.roleProfiles(), second.progressionRoutes(), second.posts(),
                second.payRecords(), second.comparatorRecords(), second.systemPayStandards(),
                second.fundingApplicationSteps(),
                second.supervisors(), second.supervisionAgreements(),
                second.sessionOutcomes()))
                .allSatisfy(count -> assertThat(count.created() + count.changed()).isZero());
        assertThat(second.openFindingsByRule()).isEqualTo(first.openFindingsByRule());
    }

    @Test
    void aDraftWithOtherContentIsRevisedAndPublishedRatherThanDuplicated() {
        gateway.addProfile(null, "Peer Support Worker", "BAND_3", "DRAFT");

        DemoSummary summary = loader(Duration.ofSeconds(30)).load();

        assertThat(summary.roleProfiles()).isEqualTo(new DemoSummary.Count(21, 20, 1));
        assertThat(gateway.profiles()).filteredOn(p -> p.path("title").asText().equals("Peer Support Worker")
                        && p.path("ownerOdsCode").isNull())
                .singleElement().satisfies(p -> {
                    assertThat(p.path("band").asText()).isEqualTo("BAND_4");
                    assertThat(p.path("status").asText()).isEqualTo("PUBLISHED");
                });
    }

    @Test
    void aRefusedCallSaysWhichCallFailedAsWhomAndWhy() {
        gateway.refusePostsOf("RGD");

        assertThatThrownBy(() -> loader(Duration.ofSeconds(5)).load())
                .isInstanceOf(DemoDataException.class)
                .hasMessage("POST /api/v1/posts/bulk as hr-rgd failed: HTTP 400 Bad Request:"
                        + " posts[3] (RGD-PSW-0004): FTE must be above 0 and at most 1");
    }

    @Test
    void givesUpOnPayRecordsWhenPayEquityServiceDoesNotLearnThePostsInTime() {
        gateway.delayPayEquityFor("RGD", Integer.MAX_VALUE);

        assertThatThrownBy(() -> loader(Duration.ofSeconds(1)).load())
                .isInstanceOf(DemoDataException.class)
                .hasMessageStartingWith("pay-equity-service still does not know all posts of RGD after PT1S:")
                .hasMessageContaining("not known to pay equity");
    }
}
