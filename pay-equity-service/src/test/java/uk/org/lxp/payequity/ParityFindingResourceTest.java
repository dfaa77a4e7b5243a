package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class ParityFindingResourceTest {

    @Inject
    PostRepository posts;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private String organisation;
    private String icb;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    @BeforeEach
    void aTrustWhosePeerPostsAreAllBelowBand7() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        organisation = "F" + suffix;
        icb = "Q" + suffix;
        topics.publishCloudEvent("lxp.roles.organisation.v1", organisation, "lxp.roles.OrganisationRegistered",
                "/lxp/roles-service", """
                        {"odsCode":"%s","name":"Finding Trust","type":"NHS_TRUST",
                         "icbMemberships":[{"icbOdsCode":"%s","validFrom":"2022-07-01","validTo":null}],
                         "version":0,"updatedAt":"2026-01-01T00:00:00Z"}""".formatted(organisation, icb));
        UUID peer = publishProfile("Peer Support Worker", "BAND_3");
        publishPost(peer, 0);
        publishPost(peer, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", organisation)) == 2);
    }

    private UUID publishProfile(String title, String band) {
        UUID id = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.role-profile.v1", id.toString(), "lxp.roles.RoleProfilePublished",
                "/lxp/roles-service", """
                        {"id":"%s","ownerOdsCode":"%s","title":"%s","family":"PEER_SUPPORT","level":"ENTRY","band":"%s",
                         "contractBasis":"PERMANENT","staffGroupCode":"07","patientFacing":true,"status":"PUBLISHED",
                         "revision":2}""".formatted(id, organisation, title, band));
        return id;
    }

    private void publishPost(UUID profile, int number) {
        UUID id = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.post.v1", id.toString(), "lxp.roles.PostCreated", "/lxp/roles-service", """
                {"id":"%s","organisationCode":"%s","postReference":"F-%d","roleProfileId":"%s","fte":1.0,
                 "status":"FILLED","funding":{"kind":"RECURRENT","endDate":null},"holderStaffReference":"E-%d",
                 "version":0}""".formatted(id, organisation, number, profile, number));
    }

    /** Waits for the trust's finding in the given state, evaluated with both of its posts. */
    private JsonPath findingOf(String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin())
                        .when().get("/api/v1/parity-findings?rule=NO_SENIOR_POST&organisation=" + organisation)
                        .then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 1 && status.equals(page.getString("items[0].status"))
                        && page.getInt("items[0].evidence.openLxpPosts") == 2);
    }

    @Test
    void aTrustWithNoSeniorPostIsFoundAcknowledgedAndResolvedWhenItGetsOne() {
        JsonPath raised = findingOf("OPEN");
        String id = raised.getString("items[0].id");
        assertThat(raised.getString("items[0].icbCode")).isEqualTo(icb);
        assertThat(raised.getInt("items[0].evidence.openLxpPosts")).isEqualTo(2);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"comment\":\"Band 7 lead post funded\"}")
                .when().post("/api/v1/parity-findings/" + id + "/acknowledgement").then().statusCode(428);
        String version = given().auth().oauth2(admin()).when().get("/api/v1/parity-findings/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"comment\":\"Band 7 lead post funded\"}")
                .header("If-Match", version)
                .when().post("/api/v1/parity-findings/" + id + "/acknowledgement")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("statusComment", equalTo("Band 7 lead post funded"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"comment\":\"again\"}").header("If-Match", "*")
                .when().post("/api/v1/parity-findings/" + id + "/acknowledgement").then().statusCode(409);

        publishPost(publishProfile("Peer Support Lead", "BAND_7"), 2);
        JsonPath resolved = findingOf("RESOLVED");
        assertThat(resolved.getString("items[0].statusComment")).contains("No longer detected");

        // In this order; an evaluation between them may also publish an update of the evidence.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topics.readAll("lxp.pay-equity.parity-finding.v1")
                .stream().filter(record -> id.equals(record.key()))
                .map(record -> new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .toList()).containsSubsequence("lxp.payequity.ParityFindingRaised", "lxp.payequity.ParityFindingAcknowledged",
                        "lxp.payequity.ParityFindingResolved"));
        List<String> published = topics.readAll("lxp.pay-equity.parity-finding.v1").stream()
                .filter(record -> id.equals(record.key())).map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .toList();
        // What people typed stays in the API: a comment may name someone, and the topic is read outside the trust.
        assertThat(published).hasSizeGreaterThanOrEqualTo(3).allSatisfy(data -> assertThat(data)
                .doesNotContain("E-0").doesNotContain("holderStaffReference").doesNotContain("Band 7 lead post funded")
                .doesNotContain("No longer detected").containsPattern("\"statusComment\":\\s*null"));
    }

    @Test
    void aFindingWhoseEvidenceHoldsAmountsIsUnchangedByEvaluatingAgain() {
        String hr = OidcTestServer.shared().token().clientId("hr-" + organisation).roles("hr-integration")
                .organisations(organisation).signed();
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"organisationCode":"%s","records":[{"postReference":"F-0","effectiveFrom":"2026-04-01",
                         "basis":"SESSIONAL","dayRate":95.00,"fte":0.40}]}""".formatted(organisation))
                .when().post("/api/v1/pay-records/bulk").then().statusCode(200);
        JsonPath found = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin())
                        .when().get("/api/v1/parity-findings?rule=SESSIONAL_UNDERPAYMENT&organisation=" + organisation)
                        .then().statusCode(200).extract().jsonPath(), page -> page.getList("items").size() == 1);
        String id = found.getString("items[0].id");
        String etag = given().auth().oauth2(admin()).when().get("/api/v1/parity-findings/" + id).then().extract().header("ETag");

        given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
        given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);

        given().auth().oauth2(admin()).when().get("/api/v1/parity-findings/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("evidence.lowestDayRate", equalTo(95.0f));
    }

    @Test
    void anEvaluatedRolePaidBelowTheComparatorsOnItsEvaluatedBandIsAnEqualValuePayGap() {
        UUID facilitator = UUID.randomUUID();
        publishEvaluated(facilitator, "BAND_3", 3);
        List<String> records = new ArrayList<>();
        for (int number = 10; number < 15; number++) {
            publishPost(facilitator, number);
            records.add("""
                    {"postReference":"F-%d","effectiveFrom":"2026-04-01","basis":"SALARIED","band":"BAND_3","point":1,
                     "fte":1.00}""".formatted(number));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", organisation)) == 7);
        String hr = OidcTestServer.shared().token().clientId("hr-" + organisation).roles("hr-integration")
                .organisations(organisation).signed();
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"organisationCode\":\"%s\",\"records\":[%s]}".formatted(organisation, String.join(",", records)))
                .when().post("/api/v1/pay-records/bulk").then().statusCode(200);
        String comparator = "{\"staffGroupCode\":\"07\",\"band\":\"BAND_4\",\"point\":1,\"fte\":1.0,\"fixedTerm\":false}";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2026-10-01\",\"records\":[%s]}".formatted(String.join(",", Collections.nCopies(6, comparator))))
                .when().put("/api/v1/comparators/" + organisation).then().statusCode(200);

        JsonPath found = await().atMost(Duration.ofSeconds(30)).until(() -> {
            given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
            return given().auth().oauth2(admin())
                    .when().get("/api/v1/parity-findings?rule=EQUAL_VALUE_PAY_GAP&organisation=" + organisation)
                    .then().statusCode(200).extract().jsonPath();
        }, page -> page.getList("items").size() == 1);
        // 2026-27: Band 3 point 1 is 25,760 and Band 4 point 1 is 28,392, 9.3% more.
        assertThat(found.getString("items[0].evidence.evaluatedBand")).isEqualTo("BAND_4");
        assertThat(found.getDouble("items[0].evidence.gapPercent")).isEqualTo(9.3);
        assertThat(found.getInt("items[0].evidence.comparators")).isEqualTo(6);
        assertThat(found.getString("items[0].icbCode")).isEqualTo(icb);
    }

    private JsonPath openFindings(String rule) {
        given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
        return given().auth().oauth2(admin())
                .when().get("/api/v1/parity-findings?status=OPEN&rule=" + rule + "&organisation=" + organisation)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAwardWithoutItsPostIsFoundAndAPostCreatedBelowTheFundedBandIsDownbanded() {
        UUID programme = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.funding-programme.v1", programme.toString(),
                "lxp.roles.FundingApplicationRecorded", "/lxp/roles-service", """
                        {"id":"%s","name":"Band 7 offer %s","funder":"NHS England","offeredOn":"2020-12-01",
                         "applicationsOpen":"2020-12-01","applicationsClose":"2021-01-15","fundedBand":"BAND_7",
                         "family":"LIVED_EXPERIENCE_LEADERSHIP","level":"LEAD_OR_ADVANCED","postsPerOrganisation":1,
                         "amountPerOrganisationGbp":null,"eligibleOrganisations":["%s"],
                         "applications":[{"organisationCode":"%s","state":"SUCCESSFUL","appliedOn":"2021-01-05",
                           "decidedOn":"2021-02-10","awardedOn":"2021-02-10","reasons":[],"version":1}],
                         "version":0}""".formatted(programme, programme, organisation, organisation));
        JsonPath notCreated = await().atMost(Duration.ofSeconds(30)).until(() -> openFindings("FUNDED_POST_NOT_CREATED"),
                page -> page.getList("items").size() == 1);
        assertThat(notCreated.getString("items[0].evidence.awardedOn")).isEqualTo("2021-02-10");

        UUID peer = publishProfile("Peer Lead", "BAND_3");
        UUID post = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.post.v1", post.toString(), "lxp.roles.PostCreated", "/lxp/roles-service", """
                {"id":"%s","organisationCode":"%s","postReference":"F-7","roleProfileId":"%s","fte":1.0,"status":"FILLED",
                 "funding":{"kind":"RECURRENT","endDate":null,"stream":"Band 7 offer","programmeId":"%s"},
                 "holderStaffReference":"E-7","version":0}""".formatted(post, organisation, peer, programme));
        await().atMost(Duration.ofSeconds(30)).until(() -> openFindings("FUNDED_POST_DOWNBANDED"),
                page -> page.getList("items").size() == 1 && page.getList("items[0].evidence.bands").contains("BAND_3"));
        assertThat(openFindings("FUNDED_POST_NOT_CREATED").getInt("totalItems")).as("the post now exists").isZero();
    }

    @Test
    void aRoleBandedBelowItsOwnJobEvaluationIsFoundAndResolvedWhenRebanded() {
        UUID profile = UUID.randomUUID();
        publishEvaluated(profile, "BAND_3", 3);
        JsonPath found = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin())
                        .when().get("/api/v1/parity-findings?rule=BELOW_EVALUATED_BAND&organisation=" + organisation)
                        .then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 1 && "OPEN".equals(page.getString("items[0].status")));
        assertThat(found.getList("items[0].evidence.evaluatedBands")).containsExactly("BAND_4", "BAND_5");
        assertThat(found.getInt("items[0].evidence.jobWeightMinimum")).isEqualTo(287);
        assertThat(found.getString("items[0].severity")).isEqualTo("MEDIUM");

        publishEvaluated(profile, "BAND_4", 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin())
                        .when().get("/api/v1/parity-findings?rule=BELOW_EVALUATED_BAND&organisation=" + organisation)
                        .then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items").size() == 1 && "RESOLVED".equals(page.getString("items[0].status")));
    }

    /** roles-service's event for a profile evaluated at a job weight of 287-343, Band 4 to Band 5. */
    private void publishEvaluated(UUID id, String band, int revision) {
        topics.publishCloudEvent("lxp.roles.role-profile.v1", id.toString(), "lxp.roles.RoleProfileEvaluated",
                "/lxp/roles-service", """
                        {"id":"%s","ownerOdsCode":"%s","title":"Peer Facilitator","family":"PEER_SUPPORT","level":"ENTRY",
                         "band":"%s","contractBasis":"PERMANENT","staffGroupCode":"07","patientFacing":true,
                         "status":"PUBLISHED","revision":%d,
                         "jobEvaluation":{"id":"%s","evaluatedOn":"2026-11-12","factors":[],
                           "panel":{"management":2,"staffSide":2,"withLivedExperience":1},
                           "weight":{"minimum":287,"maximum":343,"bands":["BAND_4","BAND_5"]},
                           "recordedAt":"2026-11-12T10:00:00Z"}}""".formatted(id, organisation, band, revision, UUID.randomUUID()));
    }

    @Test
    void findingsStayWithinTheCallersScopeAndEvaluationIsStable() {
        String id = findingOf("OPEN").getString("items[0].id");
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed())
                .when().get("/api/v1/parity-findings/" + id).then().statusCode(200);
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed())
                .when().get("/api/v1/parity-findings/" + id).then().statusCode(403);
        given().auth().oauth2(OidcTestServer.shared().token().roles("hr-integration").organisations("RGD").signed())
                .when().get("/api/v1/parity-findings?organisation=" + organisation)
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(OidcTestServer.shared().token().roles("practitioner").signed())
                .when().get("/api/v1/parity-findings").then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/v1/parity-findings?rule=EVERYTHING")
                .then().statusCode(400).body("detail", containsString("NO_SENIOR_POST"));
        given().auth().oauth2(admin()).when().get("/api/v1/parity-findings/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
        given().auth().oauth2(admin()).when().post("/api/v1/parity-findings/evaluations")
                .then().statusCode(200)
                .body("raised", equalTo(0)).body("updated", equalTo(0)).body("reopened", equalTo(0))
                .body("resolved", equalTo(0));
    }
}
