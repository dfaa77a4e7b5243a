package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.payequity.repository.RoleProfileRepository;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * An ICB's benchmark is computed once per question and served until it is {@code lxp.figures.cross-organisation-max-age}
 * old (5 s here; 30 s by default), then computed afresh; an organisation's is computed on every reading, whoever asks is
 * checked on every reading, and what lxp-admin may see is never served to anyone else. That a change is not seen until
 * then, and that an organisation's figures are not kept (here its first reading after the change could come after the
 * age), are {@code CrossOrganisationFiguresCacheTest}'s, with an age nothing reaches during the test.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@TestProfile(CrossOrganisationBenchmarkCacheTest.FiguresKeptFiveSeconds.class)
class CrossOrganisationBenchmarkCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    public static class FiguresKeptFiveSeconds implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lxp.figures.cross-organisation-max-age", MAX_AGE.toSeconds() + "s");
        }
    }

    @Inject
    PostRepository posts;

    @Inject
    RoleProfileRepository roleProfiles;

    @Inject
    Organisations organisations;

    private final RolesServiceEvents events = new RolesServiceEvents();

    @Test
    void anIcbsBenchmarkIsComputedAfreshOnceItIsFiveSecondsOldAndNeverServedAcrossWhatCallersMaySee() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        String trust = "T" + suffix;
        String icb = "Q" + suffix;
        UUID profile = aTrustOfAnIcbWithAPeerProfile(trust, icb);
        peerPosts(trust, profile, 0, 3);
        String admin = OidcTestServer.shared().token().roles("lxp-admin").signed();
        String analyst = OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed();
        String lead = OidcTestServer.shared().token().roles("lxp-lead").organisations(trust).signed();
        String icbBenchmark = "/api/v1/benchmarks?icb=" + icb + "&family=PEER_SUPPORT&payYear=2026-27";
        String trustBenchmark = "/api/v1/benchmarks?organisation=" + trust + "&family=PEER_SUPPORT&payYear=2026-27";

        given().auth().oauth2(lead).when().get(trustBenchmark).then().statusCode(200).body("suppressed", equalTo(true));
        given().auth().oauth2(admin).when().get(icbBenchmark).then().statusCode(200)
                .body("suppressed", equalTo(false)).body("headcount", equalTo(3));
        Instant computedAt = Instant.parse(given().auth().oauth2(analyst).when().get(icbBenchmark).then().statusCode(200)
                .body("suppressed", equalTo(true)).body("headcount", nullValue()).extract().path("computedAt"));
        String otherAnalyst = OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed();
        given().auth().oauth2(otherAnalyst).when().get(icbBenchmark).then().statusCode(403);

        peerPosts(trust, profile, 3, 3);
        given().auth().oauth2(lead).when().get(trustBenchmark).then().statusCode(200)
                .body("suppressed", equalTo(false)).body("headcount", equalTo(6));
        JsonPath fresh = await().atMost(MAX_AGE.multipliedBy(6)).until(
                () -> given().auth().oauth2(analyst).when().get(icbBenchmark).then().statusCode(200).extract().jsonPath(),
                figures -> !figures.getBoolean("suppressed"));
        assertThat(fresh.getInt("headcount")).isEqualTo(6);
        // The age runs from when the answer was stored, a little after computedAt, on another clock: a second's slack.
        assertThat(Instant.parse(fresh.getString("computedAt"))).isAfter(computedAt.plus(MAX_AGE).minusSeconds(1));
    }

    private UUID aTrustOfAnIcbWithAPeerProfile(String trust, String icb) {
        events.trustOf(icb, trust, "Cached Trust");
        UUID profile = events.peerSupportWorkerProfile(trust);
        await().atMost(Duration.ofSeconds(30)).until(() -> organisations.isKnown(icb)
                && QuarkusTransaction.requiringNew().call(() -> roleProfiles.findByIdOptional(profile).isPresent()));
        return profile;
    }

    /** Filled peer posts numbered from {@code first}; returns once this service holds them all. */
    private void peerPosts(String trust, UUID profile, int first, int count) {
        for (int i = first; i < first + count; i++) {
            events.filledPost(trust, "C-" + i, profile, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", trust) == first + count));
    }
}
