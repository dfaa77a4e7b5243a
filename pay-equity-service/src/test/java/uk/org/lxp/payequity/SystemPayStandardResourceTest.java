package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class SystemPayStandardResourceTest {

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private final RolesServiceEvents events = new RolesServiceEvents();
    private String trust;
    private String icb;

    private static String analystOf(String icb) {
        return OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed();
    }

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    @BeforeEach
    void anIcbWithOneTrust() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        trust = "S" + suffix;
        icb = "Q" + suffix;
        topics.publishCloudEvent("lxp.roles.organisation.v1", icb, "lxp.roles.OrganisationRegistered", "/lxp/roles-service",
                """
                {"odsCode":"%s","name":"Standard ICB","type":"INTEGRATED_CARE_BOARD","icbMemberships":[],
                 "version":0,"updatedAt":"2026-01-01T00:00:00Z"}""".formatted(icb));
        events.trustOf(icb, trust, "Standard Trust");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(analystOf(icb)).queryParam("icb", icb)
                .when().get("/api/v1/system-pay-standards").statusCode() == 200);
    }

    private ValidatableResponse record(String token, String family, String level, String band,
            String from) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","family":"%s","level":"%s","band":"%s","effectiveFrom":"%s"}
                """.formatted(icb, family, level, band, from)).when().post("/api/v1/system-pay-standards").then();
    }

    /** Evaluates the rules until the ICB's single deviation shows. */
    private JsonPath theIcbsOneDeviation() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
            return given().auth().oauth2(analystOf(icb))
                    .when().get("/api/v1/parity-findings?rule=DEVIATES_FROM_SYSTEM_STANDARD&icb=" + icb)
                    .then().statusCode(200).extract().jsonPath();
        }, page -> page.getList("items").size() == 1);
    }

    @Test
    void anIcsAnalystRecordsItsIcbsStandardsEffectiveDated() {
        record(analystOf(icb), "PEER_SUPPORT", "ENTRY", "BAND_4", "2026-04-01").statusCode(201)
                .body("effectiveTo", nullValue());
        record(analystOf("QWO"), "PEER_SUPPORT", "ENTRY", "BAND_4", "2026-04-01").statusCode(403);
        record(analystOf(icb), "PEER_SUPPORT", "ENTRY", "BAND_5", "2026-04-01").statusCode(409);
        record(analystOf(icb), "PEER_SUPPORT", "NOT_A_LEVEL", "BAND_5", "2026-04-01").statusCode(400)
                .body("violations[0].field", equalTo("level"));
        record(admin(), "PEER_SUPPORT", "ENTRY", "BAND_5", "2027-04-01").statusCode(201);

        given().auth().oauth2(analystOf(icb)).queryParam("icb", icb).when().get("/api/v1/system-pay-standards")
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].effectiveTo", equalTo("2027-03-31")).body("[1].effectiveTo", nullValue());
        given().auth().oauth2(analystOf(icb)).queryParam("icb", icb).queryParam("on", "2027-06-01")
                .when().get("/api/v1/system-pay-standards").then().statusCode(200)
                .body("", hasSize(1)).body("[0].band", equalTo("BAND_5"));
        given().auth().oauth2(analystOf("QWO")).queryParam("icb", icb).when().get("/api/v1/system-pay-standards")
                .then().statusCode(403);
    }

    @Test
    void aMemberTrustsRoleBelowTheStandardInForceIsFound() {
        record(analystOf(icb), "PEER_SUPPORT", "ENTRY", "BAND_4", "2026-04-01").statusCode(201);
        events.peerSupportWorkerProfile(trust);

        JsonPath found = theIcbsOneDeviation();
        given().auth().oauth2(analystOf(icb)).when().get("/api/v1/parity-findings/" + found.getString("items[0].id"))
                .then().statusCode(200).body("organisationCode", equalTo(trust))
                .body("evidence.standardBand", equalTo("BAND_4")).body("evidence.band", equalTo("BAND_3"));
    }

    @Test
    void aStandardForRolesEvaluatedAtABandFindsMemberTrustsRolesOfThatWeightBelowIt() {
        given().auth().oauth2(analystOf(icb)).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","evaluatedBand":"BAND_4","band":"BAND_4","effectiveFrom":"2026-04-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(201)
                .body("evaluatedBand", equalTo("BAND_4")).body("family", nullValue()).body("level", nullValue());
        given().auth().oauth2(analystOf(icb)).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","evaluatedBand":"BAND_4","family":"PEER_SUPPORT","level":"ENTRY","band":"BAND_4",
                 "effectiveFrom":"2026-05-01"}""".formatted(icb)).when().post("/api/v1/system-pay-standards")
                .then().statusCode(400).body("violations[0].field", equalTo("evaluatedBand"));
        given().auth().oauth2(analystOf(icb)).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","band":"BAND_4","effectiveFrom":"2026-05-01"}""".formatted(icb))
                .when().post("/api/v1/system-pay-standards").then().statusCode(400).body("violations[0].field", equalTo("family"));
        given().auth().oauth2(analystOf(icb)).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","family":"PEER_SUPPORTER","level":"ENTRY","band":"BAND_4","effectiveFrom":"2026-05-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(400)
                .body("violations[0].field", equalTo("family"));
        given().auth().oauth2(analystOf(icb)).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","evaluatedBand":"BAND_4","band":"BAND_5","effectiveFrom":"2026-04-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(409);

        UUID profile = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.role-profile.v1", profile.toString(), "lxp.roles.RoleProfilePublished",
                "/lxp/roles-service", """
                        {"id":"%s","ownerOdsCode":"%s","title":"Peer Facilitator","family":"PEER_SUPPORT",
                         "level":"ENTRY","band":"BAND_3","contractBasis":"PERMANENT","staffGroupCode":"07",
                         "patientFacing":true,"status":"PUBLISHED","revision":2,
                         "jobEvaluation":{"id":"%s","evaluatedOn":"2026-11-12","factors":[],
                           "panel":{"management":2,"staffSide":2,"withLivedExperience":1},
                           "weight":{"minimum":287,"maximum":343,"bands":["BAND_4","BAND_5"]},
                           "recordedAt":"2026-11-12T10:00:00Z"}}""".formatted(profile, trust, UUID.randomUUID()));
        JsonPath found = theIcbsOneDeviation();
        assertThat(found.getString("items[0].evidence.standardFor")).isEqualTo("roles evaluated at BAND_4");
    }
}
