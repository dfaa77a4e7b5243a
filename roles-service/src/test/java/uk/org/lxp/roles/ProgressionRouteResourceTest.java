package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class ProgressionRouteResourceTest {

    private String organisation;
    private String peer;
    private String senior;
    private String lead;
    private String trainer;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private String leadOf(String odsCode) {
        return OidcTestServer.shared().token().roles("lxp-lead").organisations(odsCode).signed();
    }

    @BeforeEach
    void aSmallCatalogue() {
        organisation = ("R" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"%s","name":"Routes Trust","type":"NHS_TRUST",
                         "icbMemberships":[{"icbOdsCode":"QHL","validFrom":"2022-07-01"}]}
                        """.formatted(organisation))
                .when().post("/api/v1/organisations").then().statusCode(201);
        peer = profile("Peer Support Worker", "BAND_3", "ENTRY");
        senior = profile("Senior Peer Support Worker", "BAND_5", "SENIOR");
        lead = profile("Peer Support Lead", "BAND_7", "LEAD_OR_ADVANCED");
        trainer = profile("Recovery College Trainer", "BAND_4", "ENTRY");
    }

    private String profile(String title, String band, String level) {
        return given().auth().oauth2(leadOf(organisation)).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile(organisation, title, band, "07", true).replace("\"ENTRY\"", "\"" + level + "\""))
                .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
    }

    private String route(String token, String from, String to, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"toProfileId\":\"%s\",\"kind\":\"%s\",\"requirements\":[\"12 months in role\"]}"
                        .formatted(from, to, kind))
                .when().post("/api/v1/progression-routes").then().statusCode(201).extract().path("id");
    }

    @Test
    void onwardRoutesAreTransitiveAndDeadEndsAreFound() {
        route(leadOf(organisation), peer, senior, "PRACTICE");
        route(leadOf(organisation), senior, lead, "MANAGERIAL");

        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/onward?from=" + peer)
                .then().statusCode(200)
                .body("highestBandReachable", equalTo("BAND_7"))
                .body("destinations.title", contains("Senior Peer Support Worker", "Peer Support Lead"))
                .body("destinations[1].path.kind", contains("PRACTICE", "MANAGERIAL"));
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/dead-ends?organisation=" + organisation)
                .then().statusCode(200)
                .body("title", contains("Recovery College Trainer"))
                .body("[0].highestBandReachable", equalTo(null));
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb("QHL").signed())
                .when().get("/api/v1/progression-routes/dead-ends?icb=QHL")
                .then().statusCode(200).body("profileId", hasItem(trainer));

        route(leadOf(organisation), trainer, senior, "PRACTICE");
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/dead-ends?organisation=" + organisation)
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes?to=" + senior)
                .then().statusCode(200).body("items.fromProfileId", containsInAnyOrder(peer, trainer));
    }

    @Test
    void routesAreRemovedWithTheCurrentETagOnly() {
        String id = route(admin(), peer, senior, "PRACTICE");
        given().auth().oauth2(admin()).when().delete("/api/v1/progression-routes/" + id).then().statusCode(428);
        given().auth().oauth2(admin()).header("If-Match", "\"3\"").when().delete("/api/v1/progression-routes/" + id)
                .then().statusCode(412);
        given().auth().oauth2(admin()).header("If-Match", "\"0\"").when().delete("/api/v1/progression-routes/" + id)
                .then().statusCode(204);
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/" + id).then().statusCode(404);
    }

    @Test
    void brokenRoutesAndOtherOrganisationsAreRefused() {
        route(admin(), peer, senior, "PRACTICE");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"toProfileId\":\"%s\",\"kind\":\"PRACTICE\"}".formatted(peer, senior))
                .when().post("/api/v1/progression-routes").then().statusCode(409);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"toProfileId\":\"%s\",\"kind\":\"PRACTICE\"}".formatted(peer, peer))
                .when().post("/api/v1/progression-routes").then().statusCode(400).body("detail", containsString("itself"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"toProfileId\":\"%s\",\"kind\":\"PRACTICE\"}".formatted(peer, UUID.randomUUID()))
                .when().post("/api/v1/progression-routes").then().statusCode(422)
                .body("type", equalTo("/problems/unknown-reference")).body("violations[0].field", equalTo("toProfileId"));
        given().auth().oauth2(leadOf("RXG")).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"toProfileId\":\"%s\",\"kind\":\"MANAGERIAL\"}".formatted(senior, lead))
                .when().post("/api/v1/progression-routes").then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"fromProfileId\":\"%s\",\"kind\":\"SIDEWAYS\"}".formatted(peer))
                .when().post("/api/v1/progression-routes").then().statusCode(400);
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/dead-ends").then().statusCode(400);
        given().auth().oauth2(admin()).when().get("/api/v1/progression-routes/onward?from=" + UUID.randomUUID())
                .then().statusCode(422).body("violations[0].field", equalTo("from")).body("violations[0].in", equalTo("query"));
        given().when().get("/api/v1/progression-routes/onward?from=" + peer).then().statusCode(401);
    }
}
