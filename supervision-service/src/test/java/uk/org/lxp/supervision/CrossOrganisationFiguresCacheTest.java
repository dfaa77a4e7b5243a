package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.lxp.supervision.SupervisionWorld.admin;
import static uk.org.lxp.supervision.SupervisionWorld.lead;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import uk.org.lxp.api.scope.CrossOrganisationFigures;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * An ICB's figures are computed once per question and served until they are {@code lxp.figures.cross-organisation-max-age}
 * old (an hour here, so that nothing expires during the test); an organisation's are computed on every reading, whoever
 * asks is checked on every reading, and what lxp-admin may see is never served to anyone else.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@TestProfile(CrossOrganisationFiguresCacheTest.FiguresKeptAnHour.class)
class CrossOrganisationFiguresCacheTest {

    public static class FiguresKeptAnHour implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lxp.figures.cross-organisation-max-age", "1h");
        }
    }

    @Inject
    SupervisionWorld world;

    @Inject
    MeterRegistry meters;

    @Test
    void anIcbsFiguresAreServedAsFirstComputedForEachKindOfCallerWhileAnOrganisationsAreComputedAfresh() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
        String trust = "SC" + suffix;
        String icb = "QC" + suffix;
        world.memberOf(icb, trust);
        UUID profile = world.peerSupportProfile(trust);
        for (int i = 0; i < 3; i++) {
            world.postHolder(trust, profile);
        }
        String analyst = OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed();
        given().auth().oauth2(lead(trust)).queryParam("organisation", trust).when().get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(true));

        given().auth().oauth2(admin()).queryParam("icb", icb).when().get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(false)).body("supervisees", equalTo(3));
        String computedAt = given().auth().oauth2(analyst).queryParam("icb", icb).when().get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(true)).body("supervisees", nullValue())
                .extract().path("computedAt");

        for (int i = 0; i < 3; i++) {
            world.postHolder(trust, profile);
        }
        given().auth().oauth2(analyst).queryParam("icb", icb).when().get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(true)).body("computedAt", equalTo(computedAt));
        assertThat(meters.get("cache.gets").tags("cache", CrossOrganisationFigures.CACHE, "result", "hit")
                .functionCounter().count()).isPositive();
        given().auth().oauth2(lead(trust)).queryParam("organisation", trust).when().get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(false)).body("supervisees", equalTo(6));
        String otherAnalyst = OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed();
        given().auth().oauth2(otherAnalyst).queryParam("icb", icb).when().get("/api/v1/supervision-figures")
                .then().statusCode(403);
    }
}
