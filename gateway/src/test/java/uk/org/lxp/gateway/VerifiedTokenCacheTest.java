package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.http.VerifiedTokenCache;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;
import uk.org.lxp.testing.TestToken;

/**
 * The gateway remembers tokens it verified, and that must change nothing a caller can see: a remembered token is let in
 * only until it expires, and any other text, however close to it, is verified afresh.
 */
@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(DownstreamServices.class)
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenCache cache;

    @BeforeEach
    void rolesServiceAnswers() {
        DownstreamServices.roles.stubFor(get(urlPathEqualTo("/api/v1/organisations"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")));
    }

    @Test
    void aTokenSentAgainIsRememberedOnceAndStillLetIn() {
        String token = token().signed();
        int rememberedBefore = cache.size();
        long answeredBefore = cache.answered();

        given().auth().oauth2(token).when().get("/api/v1/organisations").then().statusCode(200);
        assertThat(cache.answered()).as("the first request is verified by Quarkus OIDC").isEqualTo(answeredBefore);
        given().auth().oauth2(token).when().get("/api/v1/organisations").then().statusCode(200);

        assertThat(cache.size()).isEqualTo(rememberedBefore + 1);
        assertThat(cache.answered()).as("the second is let in on the remembered verification").isEqualTo(answeredBefore + 1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String shortLived = token().lifetime(Duration.ofSeconds(3)).signed();
        given().auth().oauth2(shortLived).when().get("/api/v1/organisations").then().statusCode(200);
        long answeredBefore = cache.answered();
        given().auth().oauth2(shortLived).when().get("/api/v1/organisations").then().statusCode(200);
        assertThat(cache.answered()).as("let in on the remembered verification").isEqualTo(answeredBefore + 1);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .auth().oauth2(shortLived).when().get("/api/v1/organisations").statusCode() == 401);
        given().auth().oauth2(shortLived).when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRememberedTokenWithoutTheRoutesRoleIsStillRefused() {
        String analyst = OidcTestServer.shared().token().clientId("client-" + UUID.randomUUID()).roles("ics-analyst")
                .icb("QWO").signed();
        given().auth().oauth2(analyst).when().get("/api/v1/organisations").then().statusCode(200);
        long answeredBefore = cache.answered();

        given().auth().oauth2(analyst).when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(cache.answered()).as("refused on the remembered identity").isEqualTo(answeredBefore + 1);
    }

    @Test
    void aRememberedTokenWithItsSignatureAlteredIsVerifiedAndRefused() {
        TestToken token = token();
        String genuine = token.signed();
        given().auth().oauth2(genuine).when().get("/api/v1/organisations").then().statusCode(200);
        long answeredBefore = cache.answered();
        given().auth().oauth2(genuine).when().get("/api/v1/organisations").then().statusCode(200);
        assertThat(cache.answered()).as("the genuine token is remembered").isEqualTo(answeredBefore + 1);

        String[] parts = genuine.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String altered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);

        given().auth().oauth2(altered).when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(genuine + "x").when().get("/api/v1/organisations").then().statusCode(401);
    }

    @Test
    void onlyARememberedTokenSentAsABearerTokenIsLetInOnMemory() {
        String token = token().signed();
        given().auth().oauth2(token).when().get("/api/v1/organisations").then().statusCode(200);
        long answeredBefore = cache.answered();

        given().header("Authorization", "bearer " + token).when().get("/api/v1/organisations").then().statusCode(200);
        assertThat(cache.answered()).as("the scheme's case does not matter").isEqualTo(answeredBefore + 1);
        given().header("Authorization", "Basic " + token).when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(cache.answered()).as("another scheme is not a bearer token").isEqualTo(answeredBefore + 1);
    }

    private static TestToken token() {
        return OidcTestServer.shared().token().clientId("client-" + UUID.randomUUID()).roles("lxp-admin");
    }
}
