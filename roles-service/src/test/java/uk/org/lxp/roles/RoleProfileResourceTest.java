package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.roles.events.RoleProfileEvents;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class RoleProfileResourceTest {

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static String leadOf(String odsCode) {
        return OidcTestServer.shared().token().roles("lxp-lead").organisations(odsCode).signed();
    }

    private static String practitioner() {
        return OidcTestServer.shared().token().roles("practitioner").organisations("RGD").signed();
    }

    static String profile(String owner, String title, String band, String staffGroup, boolean patientFacing) {
        return """
                {%s"title":"%s","family":"PEER_SUPPORT","level":"ENTRY",
                 "livedExperience":{"essential":true,"focus":"OWN_MENTAL_HEALTH",
                   "wording":"Lived experience of mental ill-health and of using services, drawn on purposefully"},
                 "band":"%s","contractBasis":"PERMANENT","staffGroupCode":"%s","patientFacing":%s,
                 "competenceDomains":["CORE_RELATIONAL_SKILLS","SELF_CARE_AND_SUPPORT"],
                 "supervisionRequirements":[{"type":"LIVED_EXPERIENCE_PEER","minimumEveryDays":28}]}
                """.formatted(owner == null ? "" : "\"ownerOdsCode\":\"" + owner + "\",", title, band, staffGroup,
                patientFacing);
    }

    private static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/role-profiles")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aLeadCreatesReviseAndPublishesItsOwnProfileWithEveryRevisionKept() {
        String lead = leadOf("RGD");
        String id = create(lead, profile("RGD", "Peer Support Worker", "BAND_3", "07", true));
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("livedExperience.essential", equalTo(true))
                .body("supervisionRequirements[0].minimumEveryDays", equalTo(28))
                .body("concerns", empty());
        Instant beforeRevision = Instant.now();

        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(profile("RGD", "Peer Support Worker", "BAND_4", "07", true))
                .when().put("/api/v1/role-profiles/" + id)
                .then().statusCode(428);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body(profile("RGD", "Peer Support Worker", "BAND_4", "07", true))
                .when().put("/api/v1/role-profiles/" + id)
                .then().statusCode(412);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(profile("RGD", "Peer Support Worker", "BAND_4", "07", true))
                .when().put("/api/v1/role-profiles/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("band", equalTo("BAND_4")).body("revision", equalTo(2));
        given().auth().oauth2(lead).header("If-Match", "\"1\"")
                .when().post("/api/v1/role-profiles/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("revision", equalTo(3));
        given().auth().oauth2(lead).header("If-Match", "\"2\"")
                .when().post("/api/v1/role-profiles/" + id + "/publish")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(practitioner()).when().get("/api/v1/role-profiles/" + id + "/revisions")
                .then().statusCode(200).body("revision", equalTo(java.util.List.of(1, 2, 3)))
                .body("[0].profile.band", equalTo("BAND_3"));
        given().auth().oauth2(practitioner()).queryParam("asOf", beforeRevision.toString())
                .when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(200).body("band", equalTo("BAND_3")).body("status", equalTo("DRAFT"));
        given().auth().oauth2(practitioner()).queryParam("asOf", "2001-01-01T00:00:00Z")
                .when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(404);

        given().auth().oauth2(lead).header("If-Match", "\"2\"")
                .when().post("/api/v1/role-profiles/" + id + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(profile("RGD", "Peer Support Worker", "BAND_5", "07", true))
                .when().put("/api/v1/role-profiles/" + id)
                .then().statusCode(409).body("detail", containsString("retired"));

        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(RoleProfileEvents.TOPIC).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .toList()
                .equals(java.util.List.of(RoleProfileEvents.CREATED, RoleProfileEvents.REVISED,
                        RoleProfileEvents.PUBLISHED, RoleProfileEvents.RETIRED)));
    }

    @Test
    void aPatientFacingRoleFiledAsAdministrativeAndClericalIsFlagged() {
        String id = create(admin(), profile("RXG", "Peer Facilitator", "BAND_3", "08", true));
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(200)
                .body("concerns[0]", containsString("08 Administrative and Clerical"));
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles?misfiled=true&owner=RXG")
                .then().statusCode(200).body("items.id", hasItem(id));
        String backOffice = create(admin(), profile("RXG", "Involvement Administrator", "BAND_3", "08", false));
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles/" + backOffice)
                .then().statusCode(200).body("concerns", empty());
    }

    @Test
    void templatesAreTheAdminsAndAdoptedByOrganisations() {
        given().auth().oauth2(leadOf("RGD")).contentType(ContentType.JSON)
                .body(profile(null, "Senior Peer Support Worker", "BAND_5", "07", true))
                .when().post("/api/v1/role-profiles")
                .then().statusCode(403).contentType("application/problem+json");
        String template = create(admin(), profile(null, "Senior Peer Support Worker", "BAND_5", "07", true));
        given().auth().oauth2(leadOf("RGD")).contentType(ContentType.JSON).body("{\"organisationCode\":\"RGD\"}")
                .when().post("/api/v1/role-profiles/" + template + "/adoptions")
                .then().statusCode(409);
        given().auth().oauth2(admin()).header("If-Match", "\"0\"")
                .when().post("/api/v1/role-profiles/" + template + "/publish").then().statusCode(200);
        given().auth().oauth2(leadOf("RGD")).contentType(ContentType.JSON).body("{\"organisationCode\":\"RGD\"}")
                .when().post("/api/v1/role-profiles/" + template + "/adoptions")
                .then().statusCode(201)
                .body("ownerOdsCode", equalTo("RGD")).body("templateId", equalTo(template))
                .body("status", equalTo("DRAFT")).body("band", equalTo("BAND_5"));
        given().auth().oauth2(leadOf("RGD")).contentType(ContentType.JSON).body("{\"organisationCode\":\"RXG\"}")
                .when().post("/api/v1/role-profiles/" + template + "/adoptions")
                .then().statusCode(403);
    }

    @Test
    void draftsStayWithTheirOwnersAndLeadsEditOnlyTheirOwn() {
        String draft = create(leadOf("RGD"), profile("RGD", "Lived Experience Trainer", "BAND_4", "07", true));
        given().auth().oauth2(leadOf("RXG")).when().get("/api/v1/role-profiles/" + draft).then().statusCode(403);
        given().auth().oauth2(practitioner()).when().get("/api/v1/role-profiles?owner=RGD&size=200")
                .then().statusCode(200).body("items.id", not(hasItem(draft)));
        given().auth().oauth2(leadOf("RGD")).when().get("/api/v1/role-profiles?owner=RGD&size=200")
                .then().statusCode(200).body("items.id", hasItem(draft));
        given().auth().oauth2(leadOf("RXG")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(profile("RGD", "Taken Over", "BAND_4", "07", true))
                .when().put("/api/v1/role-profiles/" + draft)
                .then().statusCode(403);
        given().auth().oauth2(leadOf("RXG")).contentType(ContentType.JSON)
                .body(profile("RGD", "Not Mine", "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles")
                .then().statusCode(403);
    }

    @Test
    void invalidProfilesAndUnknownIdsAreClientErrors() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"ownerOdsCode":"RGD","title":"","family":"PEER_SUPPORT","level":"ENTRY","band":"BAND_9",
                         "contractBasis":"PERMANENT","staffGroupCode":"11","patientFacing":true}
                        """)
                .when().post("/api/v1/role-profiles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("livedExperience"))
                .body("violations.field", hasItem("staffGroupCode"))
                .body("violations.field", hasItem("title"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(profile("NOORG", "Orphan", "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles")
                .then().statusCode(422).body("detail", containsString("NOORG"))
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("ownerOdsCode"));
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles/00000000-0000-4000-8000-000000000000?asOf=yesterday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("asOf"))
                .body("violations[0].in", org.hamcrest.Matchers.equalTo("query"));
        given().when().get("/api/v1/role-profiles").then().statusCode(401);
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles?band=BAND_99")
                .then().statusCode(400);
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles?family=PEER_SUPPORT&level=ENTRY&size=500")
                .then().statusCode(400);
        given().auth().oauth2(practitioner()).contentType(ContentType.JSON)
                .body(profile("RGD", "Self-made", "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles").then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/v1/role-profiles?family=PEER_SUPPORT&size=1")
                .then().statusCode(200).body("items", hasSize(1));
    }
}
