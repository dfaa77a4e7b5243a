package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/** A deployment that has not switched the public view on (the default) does not serve it, with a token or without. */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class TransparencySwitchedOffTest {

    @Test
    void thePublicViewIsNotThereUntilADeploymentSwitchesItOn() {
        given().when().get("/api/v1/transparency").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/csv").when().get("/api/v1/transparency").then().statusCode(404);
        given().auth().oauth2(OidcTestServer.shared().token().roles("lxp-admin").signed())
                .when().get("/api/v1/transparency").then().statusCode(404);
    }
}
