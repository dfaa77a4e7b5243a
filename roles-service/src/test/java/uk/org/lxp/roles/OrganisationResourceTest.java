package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OrganisationResourceTest {

    private static String admin() {
        return OidcTestServer.shared().token().subject("admin-1").roles("lxp-admin").signed();
    }

    private static String analyst() {
        return OidcTestServer.shared().token().subject("analyst-1").roles("ics-analyst").icb("QHM").signed();
    }

    @Test
    void registeredOrganisationIsStoredAndReadBack() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"TST01","name":"Test Mental Health NHS Trust","type":"NHS_TRUST",
                         "validFrom":"2020-04-01"}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/organisations/TST01"))
                .body("odsCode", equalTo("TST01"));

        given().auth().oauth2(analyst())
                .when().get("/api/v1/organisations/TST01")
                .then().statusCode(200)
                .body("name", equalTo("Test Mental Health NHS Trust"))
                .body("type", equalTo("NHS_TRUST"));

        given().auth().oauth2(analyst())
                .when().get("/api/v1/organisations?type=NHS_TRUST&size=200")
                .then().statusCode(200)
                .body("items.odsCode", hasItem("TST01"));
    }

    @Test
    void registeringTheSameOdsCodeTwiceIsAConflict() {
        String body = """
                {"odsCode":"TST02","name":"Twice Trust","type":"NHS_TRUST","validFrom":"2020-04-01"}
                """;
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("TST02"));
    }

    @Test
    void invalidRequestIsAProblemWithFieldDetails() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"bad code","name":"","type":"NHS_TRUST","validFrom":"2020-04-01",
                         "validTo":"2019-01-01"}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownOrganisationIsNotFound() {
        given().auth().oauth2(analyst())
                .when().get("/api/v1/organisations/NOPE1")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void missingTokenIsUnauthorisedAndWrongRoleIsForbidden() {
        given().when().get("/api/v1/organisations/TST01").then().statusCode(401);
        given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"TST03","name":"Forbidden Trust","type":"NHS_TRUST","validFrom":"2020-04-01"}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesErrorBodiesAndNamesEveryOperation() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/organisations/{odsCode}'.get.operationId", equalTo("OrganisationResource_get"))
                .body("paths.'/api/v1/organisations/{odsCode}'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/organisations'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/organisations'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.required", org.hamcrest.Matchers.hasItem("requestId"))
                .body("paths.'/api/v1/organisations'.post.security[0].keycloak", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theOpenApiDocumentRequiresIfMatchWhereAChangeNeedsItAndNotForAFundingApplicationsFirstStep() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/organisations/{odsCode}'.put.parameters.find { it.name == 'If-Match' }.required",
                        equalTo(true))
                .body("paths.'/api/v1/posts/{id}'.put.parameters.find { it.name == 'If-Match' }.required", equalTo(true))
                .body("paths.'/api/v1/funding-programmes/{id}/applications/{odsCode}'.put.parameters"
                        + ".find { it.name == 'If-Match' }.required", equalTo(false));
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = OidcTestServer.shared().token().roles("lxp-admin")
                .lifetime(java.time.Duration.ofMinutes(-10)).signed();
        given().auth().oauth2(expired).when().get("/api/v1/organisations").then().statusCode(401);
    }
}
