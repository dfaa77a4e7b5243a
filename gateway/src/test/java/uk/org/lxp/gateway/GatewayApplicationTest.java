package uk.org.lxp.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
class GatewayApplicationTest {

    @Inject
    Vertx vertx;

    @Test
    void healthAndOpenApiAreServedWithoutAToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theApiNeedsAValidToken() {
        given().when().get("/api/v1/organisations").then().statusCode(401).contentType("application/problem+json");
        String expired = OidcTestServer.shared().token().roles("lxp-admin")
                .lifetime(java.time.Duration.ofMinutes(-5)).signed();
        given().auth().oauth2(expired).when().get("/api/v1/organisations").then().statusCode(401);
        String wrongAudience = OidcTestServer.shared().token().roles("lxp-admin").audience("another-api").signed();
        given().auth().oauth2(wrongAudience).when().get("/api/v1/organisations").then().statusCode(401);
    }

    @Test
    void socketsRunOnEpollWhereTheSuiteIsDeployed() {
        assumeThat(System.getProperty("os.name") + " " + System.getProperty("os.arch")).as("the platform deployed on")
                .isEqualTo("Linux amd64");
        assertThat(vertx.isNativeTransportEnabled()).as("http-defaults' epoll transport").isTrue();
    }
}
