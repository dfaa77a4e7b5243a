package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import uk.org.lxp.roles.events.FundingProgrammeEvents;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/** Two trusts of an ICB offered a Band 7 post each; one applies and is awarded it, the other says why it did not. */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class FundingProgrammeResourceTest {

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private String applicant;
    private String abstainer;
    private String icb;
    private String programme;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static String hrOf(String odsCode) {
        return OidcTestServer.shared().token().clientId("hr-" + odsCode).roles("hr-integration").organisations(odsCode)
                .signed();
    }

    private void registerTrust(String odsCode) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                {"odsCode":"%s","name":"Funding %s","type":"NHS_TRUST",
                 "icbMemberships":[{"icbOdsCode":"%s","validFrom":"2022-07-01"}]}""".formatted(odsCode, odsCode, icb))
                .when().post("/api/v1/organisations").then().statusCode(201);
    }

    @BeforeEach
    void aProgrammeOfferedToTwoTrusts() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        // A shipped ICB no other test reads: registering ICBs of our own would change the national count of ICBs.
        icb = "QUE";
        applicant = "A" + suffix;
        abstainer = "B" + suffix;
        registerTrust(applicant);
        registerTrust(abstainer);
        programme = given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                {"name":"Band 7 offer %s","funder":"NHS England","offeredOn":"2020-12-01","applicationsOpen":"2020-12-01",
                 "applicationsClose":"2021-01-15","fundedBand":"BAND_7","family":"LIVED_EXPERIENCE_LEADERSHIP",
                 "level":"LEAD_OR_ADVANCED","postsPerOrganisation":1,"amountPerOrganisationGbp":60000,
                 "eligibleOrganisations":["%s","%s"]}""".formatted(suffix, applicant, abstainer))
                .when().post("/api/v1/funding-programmes").then().statusCode(201)
                .body("eligibleOrganisations", contains(applicant, abstainer)).extract().path("id");
    }

    private ValidatableResponse step(String token, String organisation, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/funding-programmes/" + programme + "/applications/" + organisation).then();
    }

    @Test
    void anHrClientRecordsItsOwnOrganisationsStepsAndNoOneElses() {
        String etag = step(hrOf(applicant), applicant, null, """
                {"state":"APPLIED","on":"2021-01-05"}""").statusCode(200).body("state", equalTo("APPLIED"))
                .extract().header("ETag");
        step(hrOf(applicant), abstainer, null, """
                {"state":"APPLIED","on":"2021-01-05"}""").statusCode(403);
        step(hrOf(applicant), applicant, null, """
                {"state":"SUCCESSFUL","on":"2021-02-10"}""").statusCode(428);
        step(hrOf(applicant), applicant, "\"99\"", """
                {"state":"SUCCESSFUL","on":"2021-02-10"}""").statusCode(412);
        etag = step(hrOf(applicant), applicant, etag, """
                {"state":"SUCCESSFUL","on":"2021-02-10"}""").statusCode(200).body("decidedOn", equalTo("2021-02-10"))
                .extract().header("ETag");
        step(hrOf(applicant), applicant, etag, """
                {"state":"DECLINED","on":"2021-02-11"}""").statusCode(409);

        step(hrOf(abstainer), abstainer, null, """
                {"state":"NOT_APPLIED","on":"2021-01-10","reasons":["SHORT_TIMESCALES","OTHER"],
                 "reasonText":"The board met after the window closed"}""").statusCode(200)
                .body("reasons", contains("SHORT_TIMESCALES", "OTHER"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = topics.readAll(FundingProgrammeEvents.TOPIC).stream()
                    .filter(r -> programme.equals(r.key())).toList();
            JsonPath latest = JsonPath.from(new String(published.get(published.size() - 1).value(), StandardCharsets.UTF_8));
            assertThat(latest.getList("applications.organisationCode")).containsExactly(applicant, abstainer);
            assertThat(latest.getString("applications[0].awardedOn")).isEqualTo("2021-02-10");
            assertThat(latest.getList("applications[1].reasons")).containsExactly("SHORT_TIMESCALES", "OTHER");
        });
    }

    @Test
    void badStepsNameTheirFieldAndTheProgrammesRulesAreKept() {
        step(hrOf(abstainer), abstainer, null, """
                {"state":"NOT_APPLIED","on":"2021-01-10"}""").statusCode(400).body("violations[0].field", equalTo("reasons"));
        step(hrOf(abstainer), abstainer, null, """
                {"state":"NOT_APPLIED","on":"2021-01-10","reasons":["OTHER"]}""").statusCode(400)
                .body("violations[0].field", equalTo("reasonText"));
        step(hrOf(abstainer), abstainer, null, """
                {"state":"NOT_APPLIED","on":"2021-01-10","reasons":["BUDGET"]}""").statusCode(400);
        step(hrOf(abstainer), abstainer, null, """
                {"state":"APPLIED","on":"2021-02-01"}""").statusCode(422).body("violations[0].field", equalTo("on"));
        step(hrOf(abstainer), abstainer, null, """
                {"state":"SUCCESSFUL","on":"2021-02-01"}""").statusCode(409);
        step(admin(), "RXG", null, """
                {"state":"APPLIED","on":"2021-01-05"}""").statusCode(422).body("violations[0].field", equalTo("odsCode"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                {"name":"Backwards","funder":"NHS England","offeredOn":"2020-12-01","applicationsOpen":"2020-12-01",
                 "applicationsClose":"2020-11-15","fundedBand":"BAND_7","family":"LIVED_EXPERIENCE_LEADERSHIP",
                 "level":"LEAD_OR_ADVANCED","postsPerOrganisation":1,"eligibleOrganisations":["%s"]}""".formatted(applicant))
                .when().post("/api/v1/funding-programmes").then().statusCode(400)
                .body("violations[0].field", equalTo("applicationsClose"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                {"name":"Nowhere","funder":"NHS England","offeredOn":"2020-12-01","applicationsOpen":"2020-12-01",
                 "applicationsClose":"2021-01-15","fundedBand":"BAND_7","family":"LIVED_EXPERIENCE_LEADERSHIP",
                 "level":"LEAD_OR_ADVANCED","postsPerOrganisation":1,"eligibleOrganisations":["ZZZ99"]}""")
                .when().post("/api/v1/funding-programmes").then().statusCode(422)
                .body("violations[0].field", equalTo("eligibleOrganisations"));
        given().auth().oauth2(hrOf(applicant)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/funding-programmes").then().statusCode(403);
    }

    @Test
    void anIcsAnalystReadsItsIcbsAnswersAndAnHrClientItsOwn() {
        step(hrOf(applicant), applicant, null, """
                {"state":"APPLIED","on":"2021-01-05"}""").statusCode(200);
        String analyst = OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed();

        given().auth().oauth2(analyst).when().get("/api/v1/funding-programmes/" + programme + "/applications")
                .then().statusCode(200).body("organisationCode", contains(applicant, abstainer))
                .body("[0].state", equalTo("APPLIED")).body("[1].state", nullValue());
        given().auth().oauth2(hrOf(abstainer)).when().get("/api/v1/funding-programmes/" + programme + "/applications")
                .then().statusCode(200).body("organisationCode", contains(abstainer));
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed())
                .when().get("/api/v1/funding-programmes/" + programme + "/applications")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(analyst).when().get("/api/v1/funding-programmes/" + programme).then().statusCode(200)
                .body("fundedBand", equalTo("BAND_7"));
        given().auth().oauth2(analyst).when().get("/api/v1/funding-programmes/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/v1/funding-programmes").then().statusCode(401);
    }

    private String publishedProfileOf(String organisation) {
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile(organisation, "Lived Experience Lead", "BAND_7", "07", false))
                .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).header("If-Match", "\"0\"")
                .when().post("/api/v1/role-profiles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private ValidatableResponse posts(String organisation, String programmeId, String... statusAndHolderSince) {
        String profile = publishedProfileOf(organisation);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < statusAndHolderSince.length; i++) {
            String[] post = statusAndHolderSince[i].split("@");
            String holder = post[0].equals("FILLED") ? ",\"holderStaffReference\":\"E-%d\"%s".formatted(i,
                    post.length > 1 ? ",\"holderSince\":\"" + post[1] + "\"" : "") : "";
            items.append(i == 0 ? "" : ",").append("""
                    {"postReference":"LEL-%d","roleProfileId":"%s","fte":1.0,"status":"%s",
                     "funding":{"kind":"RECURRENT","stream":"Band 7 offer","programmeId":"%s"}%s}"""
                    .formatted(i, profile, post[0], programmeId, holder));
        }
        return given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"organisationCode\":\"%s\",\"posts\":[%s]}".formatted(organisation, items))
                .when().post("/api/v1/posts/bulk").then();
    }

    @Test
    void theUptakeSaysWhetherTheFundedPostsExistAndHowLongTheyTookToFill() {
        String etag = step(hrOf(applicant), applicant, null, """
                {"state":"APPLIED","on":"2021-01-05"}""").statusCode(200).extract().header("ETag");
        step(hrOf(applicant), applicant, etag, """
                {"state":"SUCCESSFUL","on":"2021-02-10"}""").statusCode(200);
        posts(applicant, programme, "FILLED@2021-07-02", "VACANT").statusCode(200);
        posts(abstainer, programme, "VACANT").statusCode(200);

        given().auth().oauth2(admin()).when().get("/api/v1/funding-programmes/" + programme + "/uptake")
                .then().statusCode(200).body("organisationCode", contains(applicant, abstainer))
                .body("[0].state", equalTo("SUCCESSFUL")).body("[0].awardedOn", equalTo("2021-02-10"))
                .body("[0].postsFunded", equalTo(1)).body("[0].postsCreated", equalTo(2))
                .body("[0].filled", equalTo(1)).body("[0].vacant", equalTo(1))
                .body("[0].daysFromAwardToFilled", equalTo(142))
                .body("[1].state", nullValue()).body("[1].postsFunded", equalTo(0)).body("[1].postsCreated", equalTo(1))
                .body("[1].daysFromAwardToFilled", nullValue());
        given().auth().oauth2(hrOf(abstainer)).when().get("/api/v1/funding-programmes/" + programme + "/uptake")
                .then().statusCode(200).body("organisationCode", contains(abstainer));
    }

    @Test
    void aPostNamesOnlyAProgrammeThatExistsAndItsOrganisationIsEligibleFor() {
        posts(applicant, UUID.randomUUID().toString(), "VACANT").statusCode(422)
                .body("violations[0].field", equalTo("posts[0].funding.programmeId"));
        String outsider = "C" + applicant.substring(1);
        registerTrust(outsider);
        posts(outsider, programme, "VACANT").statusCode(422)
                .body("violations[0].field", equalTo("posts[0].funding.programmeId"));
    }
}
