package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.lxp.roles.events.RoleProfileEvents;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * Co-produced role development through the API. Tees Esk and Wear Valleys (RX3) co-produces its roles in these tests;
 * Cambridgeshire and Peterborough (RT1) does not, and other tests' trusts keep the defaults.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class RoleDevelopmentResourceTest {

    private static final String NATIONAL_TOPICS = "COMMUNITIES EXPERIENCE_NEEDED SKILLS_NEEDED APPLICANT_SUPPORT PLACEMENT"
            + " TRAINING TEAM_READINESS SHARED_UNDERSTANDING CONNECTIONS VISIBILITY IMPACT EMBEDDING SERVICE_LEARNING"
            + " EXPERTISE_NETWORK JOB_DESCRIPTION";

    private static String leadOf(String odsCode) {
        return OidcTestServer.shared().token().roles("lxp-lead").organisations(odsCode).signed();
    }

    private static String hrOf(String odsCode) {
        return OidcTestServer.shared().token().roles("hr-integration").organisations(odsCode).signed();
    }

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private static String coProducing(String odsCode) {
        String lead = leadOf(odsCode);
        String etag = given().auth().oauth2(lead).when().get("/api/v1/role-development-settings/" + odsCode)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"requiresCoProduction\":true,\"reviewEveryMonths\":12}")
                .when().put("/api/v1/role-development-settings/" + odsCode)
                .then().statusCode(200).body("requiresCoProduction", equalTo(true));
        return lead;
    }

    private static String draft(String lead, String owner, String title) {
        return given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile(owner, title, "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
    }

    private static String etagOf(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/role-profiles/" + id).then().statusCode(200)
                .extract().header("ETag");
    }

    private static String group(String lead, String owner) {
        return given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"%s","name":"Lived Experience Roles Steering Group",
                 "quorum":{"minimumPresent":4,"minimumWithLivedExperience":2,"minimumNotStaff":1},
                 "members":[{"memberRef":"SG-01","perspective":"LXP"},
                            {"memberRef":"SG-02","perspective":"PERSON_WHO_USES_SERVICES"},
                            {"memberRef":"SG-03","perspective":"CARER"},
                            {"memberRef":"SG-04","perspective":"CLINICIAN"},
                            {"memberRef":"SG-05","perspective":"MANAGER"},
                            {"memberRef":"SG-06","perspective":"LXP"}]}
                """.formatted(owner)).when().post("/api/v1/steering-groups").then().statusCode(201)
                .body("members", hasSize(6)).extract().path("id");
    }

    private static void answerEveryTopic(String lead, String id) {
        for (String topic : NATIONAL_TOPICS.split(" ")) {
            given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                    .body("{\"answer\":\"Settled at the workshops\",\"perspectives\":[\"PEOPLE_WHO_USE_SERVICES\",\"TEAM_MEMBERS\"]}")
                    .when().put("/api/v1/role-profiles/" + id + "/readiness/" + topic)
                    .then().statusCode(200);
        }
    }

    private static ValidatableResponse decide(String token, String id, String groupId, String matter, String outcome,
            String present, String votes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etagOf(leadOf("RX3"), id))
                .body("""
                        {"steeringGroupId":"%s","meetingOn":"%s","matter":"%s","outcome":"%s","present":[%s],
                         "votes":[%s],"rationale":"Discussed at the monthly meeting"}
                        """.formatted(groupId, today(), matter, outcome, present, votes))
                .when().post("/api/v1/role-profiles/" + id + "/steering-decisions").then();
    }

    private static final String QUORATE = "\"SG-01\",\"SG-02\",\"SG-04\",\"SG-05\"";
    private static final String QUORATE_VOTES = """
            {"perspective":"LXP","inFavour":1,"against":0,"abstained":0},
            {"perspective":"PERSON_WHO_USES_SERVICES","inFavour":1,"against":0,"abstained":0},
            {"perspective":"CLINICIAN","inFavour":1,"against":0,"abstained":0},
            {"perspective":"MANAGER","inFavour":0,"against":0,"abstained":1}""";

    private static ValidatableResponse publish(String lead, String id) {
        return given().auth().oauth2(lead).header("If-Match", etagOf(lead, id))
                .when().post("/api/v1/role-profiles/" + id + "/publish").then();
    }

    @Test
    void aCoProducingTrustTakesAProfileFromDraftThroughReadinessAndADecisionToPublication() {
        String lead = coProducing("RX3");
        String id = draft(lead, "RX3", "Peer Support Worker (Early Intervention)");
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(200)
                .body("readiness.complete", equalTo(false)).body("readiness.topics", equalTo(15))
                .body("readiness.missing[0].topicCode", equalTo("COMMUNITIES"))
                .body("readiness.missing[0].lacking", hasItem("ANSWER"));

        publish(lead, id).statusCode(422).body("detail", containsString("readiness"));

        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"answer\":\"Young people in their first episode of psychosis\",\"perspectives\":[\"TEAM_MEMBERS\"]}")
                .when().put("/api/v1/role-profiles/" + id + "/readiness/COMMUNITIES")
                .then().statusCode(200)
                .body("topics[0].answer.perspectives", hasItem("TEAM_MEMBERS"))
                .body("topics[0].lacking", equalTo(List.of("USER_OR_CARER_PERSPECTIVE")));
        answerEveryTopic(lead, id);
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id + "/readiness")
                .then().statusCode(200).body("complete", equalTo(true)).body("topics", hasSize(15));
        publish(lead, id).statusCode(422).body("detail", containsString("steering group"));

        String groupId = group(lead, "RX3");
        decide(lead, id, groupId, "PUBLISH", "APPROVED", "\"SG-01\",\"SG-04\",\"SG-05\",\"SG-06\"", """
                {"perspective":"LXP","inFavour":2,"against":0,"abstained":0},
                {"perspective":"CLINICIAN","inFavour":1,"against":0,"abstained":0},
                {"perspective":"MANAGER","inFavour":1,"against":0,"abstained":0}""")
                .statusCode(422).body("violations[0].field", equalTo("present"))
                .body("detail", containsString("not staff"));
        decide(lead, id, groupId, "PUBLISH", "APPROVED", QUORATE, QUORATE_VOTES.replace("\"inFavour\":0", "\"inFavour\":2"))
                .statusCode(400).body("violations[0].field", equalTo("votes"));
        decide(hrOf("RX3"), id, groupId, "PUBLISH", "APPROVED", QUORATE, QUORATE_VOTES).statusCode(403);
        decide(lead, id, groupId, "PUBLISH", "APPROVED", QUORATE + ",\"SG-01\"", QUORATE_VOTES).statusCode(400)
                .body("violations[0].field", equalTo("present"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("""
                        {"steeringGroupId":"%s","meetingOn":"%s","matter":"PUBLISH","outcome":"APPROVED","present":[%s],
                         "votes":[%s],"rationale":"Approved before the profile was written"}
                        """.formatted(groupId, today().minusDays(3), QUORATE, QUORATE_VOTES))
                .when().post("/api/v1/role-profiles/" + id + "/steering-decisions")
                .then().statusCode(422).body("violations[0].field", equalTo("meetingOn"));

        decide(lead, id, groupId, "PUBLISH", "CHANGES_REQUESTED", QUORATE, QUORATE_VOTES).statusCode(200)
                .body("steeringDecisions", hasSize(1));
        publish(lead, id).statusCode(422);
        decide(lead, id, groupId, "PUBLISH", "APPROVED", QUORATE, QUORATE_VOTES).statusCode(200)
                .body("steeringDecisions[1].outcome", equalTo("APPROVED"))
                .body("steeringDecisions[1].presentByPerspective.PERSON_WHO_USES_SERVICES", equalTo(1))
                .body("steeringDecisions[1].presentByPerspective.MANAGER", equalTo(1))
                .body("steeringDecisions[1]", not(hasKey("present")));
        publish(lead, id).statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("reviewDue", equalTo(today().plusMonths(12).toString()));

        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(RoleProfileResourceTest.profile("RX3", "Peer Support Worker (Early Intervention)", "BAND_5", "07", true))
                .when().put("/api/v1/role-profiles/" + id).then().statusCode(422).body("detail", containsString("revise"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(RoleProfileResourceTest.profile("RX3", "Peer Support Worker (Early Intervension)", "BAND_4", "07", true))
                .when().put("/api/v1/role-profiles/" + id).then().statusCode(200);

        given().auth().oauth2(lead).when().get("/api/v1/role-development-figures?organisation=RX3")
                .then().statusCode(200).body("publishedProfiles", greaterThanOrEqualTo(1))
                .body("coProduced", greaterThanOrEqualTo(1)).body("membersByPerspective.CARER", nullValue());
        given().auth().oauth2(admin()).when().get("/api/v1/role-development-figures?organisation=RX3")
                .then().statusCode(200).body("membersByPerspective.CARER", greaterThanOrEqualTo(1));
        // An ICB's own, system-wide steering group counts in its figures (its trusts' memberships ended with the
        // reference data on 2026-03-31, so only the ICB's own show today).
        group(admin(), "QHM");
        String analyst = OidcTestServer.shared().token().roles("ics-analyst").icb("QHM").signed();
        given().auth().oauth2(analyst).when().get("/api/v1/role-development-figures?icb=QHM")
                .then().statusCode(200).body("level", equalTo("ICB")).body("odsCode", equalTo("QHM"))
                .body("steeringGroups", greaterThanOrEqualTo(1)).body("membersByPerspective.CARER", nullValue())
                .body("membersByPerspective.PERSON_WHO_USES_SERVICES", nullValue());
        given().auth().oauth2(analyst).when().get("/api/v1/role-development-figures?icb=QUE").then().statusCode(403);
        given().auth().oauth2(analyst).when().get("/api/v1/role-development-figures?icb=QHM&organisation=RX3")
                .then().statusCode(400).body("violations[0].field", equalTo("icb"));

        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(RoleProfileEvents.TOPIC).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .filter(type -> type.equals(RoleProfileEvents.DECISION_RECORDED) || type.equals(RoleProfileEvents.PUBLISHED))
                .toList()
                .equals(List.of(RoleProfileEvents.DECISION_RECORDED, RoleProfileEvents.DECISION_RECORDED,
                        RoleProfileEvents.PUBLISHED)));
    }

    @Test
    void aTrustThatDoesNotCoProducePublishesAsBeforeAndItsRolesFallDueForReview() {
        String lead = leadOf("RT1");
        String id = draft(lead, "RT1", "Peer Support Worker");
        publish(lead, id).statusCode(200).body("reviewOverdueSince", nullValue());

        String longAgo = today().minusMonths(13).toString();
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"reviewedOn\":\"" + longAgo + "\",\"perspectives\":[\"CARERS\"],\"outcome\":\"KEEP\"}")
                .when().post("/api/v1/role-profiles/" + id + "/reviews")
                .then().statusCode(200).body("reviewDue", equalTo(today().minusMonths(1).toString()))
                .body("reviewOverdueSince", nullValue());

        given().auth().oauth2(lead).when().post("/api/v1/role-review-checks").then().statusCode(403);
        given().auth().oauth2(admin()).when().post("/api/v1/role-review-checks")
                .then().statusCode(200).body("markedOverdue", greaterThanOrEqualTo(1));
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id).then().statusCode(200)
                .body("reviewOverdueSince", equalTo(today().minusMonths(1).plusDays(1).toString()));
        given().auth().oauth2(lead).when().get("/api/v1/role-development-figures?organisation=RT1")
                .then().statusCode(200).body("reviewsOverdue", greaterThanOrEqualTo(1));

        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"reviewedOn\":\"" + today() + "\",\"perspectives\":[\"CARERS\",\"TEAM_MEMBERS\"],"
                        + "\"outcome\":\"KEEP\",\"summary\":\"Works as designed\"}")
                .when().post("/api/v1/role-profiles/" + id + "/reviews")
                .then().statusCode(200).body("reviewOverdueSince", nullValue())
                .body("reviewDue", equalTo(today().plusMonths(12).toString())).body("reviews", hasSize(2));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"reviewedOn\":\"" + today().plusDays(3) + "\",\"perspectives\":[\"CARERS\"],\"outcome\":\"KEEP\"}")
                .when().post("/api/v1/role-profiles/" + id + "/reviews")
                .then().statusCode(400).body("violations[0].field", equalTo("reviewedOn"));

        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(RoleProfileEvents.TOPIC).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .toList().contains(RoleProfileEvents.REVIEW_OVERDUE));
    }

    @Test
    void aStaffOnlyQuorumIsRefusedAndAGroupIsItsOwnOrganisations() {
        String lead = leadOf("RX3");
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"RX3","name":"Staff group",
                 "quorum":{"minimumPresent":3,"minimumWithLivedExperience":1,"minimumNotStaff":0},
                 "members":[{"memberRef":"SG-01","perspective":"LXP"}]}
                """).when().post("/api/v1/steering-groups")
                .then().statusCode(400).body("violations[0].field", containsString("minimumNotStaff"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"RX3","name":"Named members",
                 "quorum":{"minimumPresent":3,"minimumWithLivedExperience":1,"minimumNotStaff":1},
                 "members":[{"memberRef":"Jane Smith","perspective":"CARER"}]}
                """).when().post("/api/v1/steering-groups")
                .then().statusCode(400).body("violations[0].field", containsString("memberRef"));

        String groupId = group(lead, "RX3");
        given().auth().oauth2(leadOf("RT1")).when().get("/api/v1/steering-groups/" + groupId).then().statusCode(403);
        String otherTrusts = draft(leadOf("RT1"), "RT1", "Peer Support Worker");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etagOf(admin(), otherTrusts))
                .body("""
                        {"steeringGroupId":"%s","meetingOn":"%s","matter":"PUBLISH","outcome":"APPROVED","present":[%s],
                         "votes":[%s],"rationale":"Approved"}
                        """.formatted(groupId, today(), QUORATE, QUORATE_VOTES))
                .when().post("/api/v1/role-profiles/" + otherTrusts + "/steering-decisions")
                .then().statusCode(422).body("violations[0].field", equalTo("steeringGroupId"));

        given().auth().oauth2(lead).when().get("/api/v1/steering-groups?owner=RX3").then().statusCode(200)
                .body("items.id", hasItem(groupId));
        given().auth().oauth2(hrOf("RT1")).when().get("/api/v1/steering-groups").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void anOrganisationAsksItsOwnReadinessTopicsAfterTheNationalOnes() {
        String lead = leadOf("RT1");
        given().auth().oauth2(lead).when().get("/api/v1/readiness-topics").then().statusCode(200)
                .body("", hasSize(15)).body("[0].code", equalTo("COMMUNITIES")).body("[14].code", equalTo("JOB_DESCRIPTION"))
                .body("[0].ownerOdsCode", nullValue());
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"RT1","code":"RURAL_REACH","topic":"Rural reach",
                 "covers":"How the role reaches people in the Fens who live far from services"}
                """).when().post("/api/v1/readiness-topics").then().statusCode(201).body("code", equalTo("RURAL_REACH"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"RT1","code":"COMMUNITIES","topic":"Again","covers":"Again"}
                """).when().post("/api/v1/readiness-topics").then().statusCode(409);
        given().auth().oauth2(leadOf("RX3")).contentType(ContentType.JSON).body("""
                {"ownerOdsCode":"RT1","code":"SOMETHING_ELSE","topic":"Other","covers":"Other"}
                """).when().post("/api/v1/readiness-topics").then().statusCode(403);

        given().auth().oauth2(lead).when().get("/api/v1/readiness-topics?organisation=RT1").then().statusCode(200)
                .body("", hasSize(16)).body("[15].code", equalTo("RURAL_REACH"));
        String id = draft(lead, "RT1", "Peer Support Worker (Rural)");
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id).then().statusCode(200)
                .body("readiness.topics", equalTo(16))
                .body("readiness.missing.topicCode", hasItem("RURAL_REACH"));
        given().auth().oauth2(leadOf("RX3")).when().get("/api/v1/readiness-topics?organisation=RX3").then()
                .statusCode(200).body("", hasSize(15));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"answer\":\"x\",\"perspectives\":[\"CARERS\"]}")
                .when().put("/api/v1/role-profiles/" + id + "/readiness/NO_SUCH_TOPIC").then().statusCode(404);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body("{\"answer\":\"x\",\"perspectives\":[]}")
                .when().put("/api/v1/role-profiles/" + id + "/readiness/COMMUNITIES").then().statusCode(400)
                .body("violations[0].field", equalTo("perspectives"));
        given().auth().oauth2(lead).when().get("/api/v1/role-profiles/" + id + "/revisions").then().statusCode(200)
                .body("[0].profile.readiness", notNullValue());
    }
}
