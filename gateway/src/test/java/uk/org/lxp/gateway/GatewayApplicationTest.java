package uk.org.lxp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
class GatewayApplicationTest {

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
}
