package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.http.VerifiedTokenCache;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/** A service, like the gateway, verifies a token once itself and lets the same token in again on that verification. */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class RememberedTokensTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aTokenSentAgainIsLetInOnTheServicesOwnVerificationAndItsRolesStillCount() {
        String analyst = OidcTestServer.shared().token().subject("analyst-" + UUID.randomUUID()).roles("ics-analyst")
                .icb("QHM").signed();
        given().auth().oauth2(analyst).when().get("/api/v1/organisations?size=1").then().statusCode(200);
        long answeredBefore = cache.answered();

        given().auth().oauth2(analyst).when().get("/api/v1/organisations?size=1").then().statusCode(200);
        given().auth().oauth2(analyst).contentType("application/json").body("{}")
                .when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");

        assertThat(cache.answered()).as("both let in on the remembered verification").isEqualTo(answeredBefore + 2);
    }
}
