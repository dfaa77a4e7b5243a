package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.payequity.events.TransparencyEvents;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * The public view as a deployment that switched it on serves it: a trust of six peer posts and one of three, with
 * staff and post references that must never show.
 */
@QuarkusTest
@TestProfile(TransparencyResourceTest.SwitchedOn.class)
@WithTestResource(LxpTestInfrastructure.class)
class TransparencyResourceTest {

    public static class SwitchedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lxp.transparency.enabled", "true", "lxp.transparency.refresh", "PT0S");
        }
    }

    @Inject
    PostRepository posts;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private String large;
    private String small;

    private void trust(String odsCode, int peerPosts, String band) {
        topics.publishCloudEvent("lxp.roles.organisation.v1", odsCode, "lxp.roles.OrganisationRegistered",
                "/lxp/roles-service", """
                        {"odsCode":"%s","name":"Open Trust %s","type":"NHS_TRUST",
                         "icbMemberships":[{"icbOdsCode":"QWO","validFrom":"2022-07-01","validTo":null}],
                         "version":0,"updatedAt":"2026-01-01T00:00:00Z"}""".formatted(odsCode, odsCode));
        UUID profile = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.role-profile.v1", profile.toString(), "lxp.roles.RoleProfilePublished",
                "/lxp/roles-service", """
                        {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker","family":"PEER_SUPPORT",
                         "level":"ENTRY","band":"%s","contractBasis":"PERMANENT","staffGroupCode":"07",
                         "patientFacing":true,"status":"PUBLISHED","revision":1}""".formatted(profile, odsCode, band));
        for (int i = 0; i < peerPosts; i++) {
            UUID post = UUID.randomUUID();
            topics.publishCloudEvent("lxp.roles.post.v1", post.toString(), "lxp.roles.PostCreated", "/lxp/roles-service",
                    """
                    {"id":"%s","organisationCode":"%s","postReference":"SECRETREF-%d","roleProfileId":"%s","fte":1.0,
                     "status":"FILLED","funding":{"kind":"%s","endDate":%s},"holderStaffReference":"STAFFREF-%d",
                     "version":0}""".formatted(post, odsCode, i, profile, i == 0 ? "FIXED_TERM" : "RECURRENT",
                            i == 0 ? "\"2027-03-31\"" : "null", i));
        }
    }

    @BeforeEach
    void aLargeAndASmallTrust() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        large = "L" + suffix;
        small = "M" + suffix;
        trust(large, 6, "BAND_7");
        trust(small, 3, "BAND_3");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", large) == 6 && posts.count("organisationOdsCode", small) == 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/v1/transparency").then()
                .extract().jsonPath().getList("organisations.odsCode").containsAll(List.of(large, small)));
    }

    @Test
    void anyoneReadsEveryTrustsAggregatesWithSmallOnesSuppressed() {
        JsonPath view = given().when().get("/api/v1/transparency").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300")).header("Vary", equalTo("Accept"))
                .extract().jsonPath();
        String row = "organisations.find { it.odsCode == '%s' }.";
        assertThat(view.getBoolean(row.formatted(large) + "lxpPostAtBand7OrAbove")).isTrue();
        assertThat(view.getInt(row.formatted(large) + "openLxpPosts")).isEqualTo(6);
        assertThat(view.getInt(row.formatted(large) + "bandDistribution.BAND_7")).isEqualTo(6);
        assertThat(view.getDouble(row.formatted(large) + "fixedTermPercent")).isEqualTo(16.7);
        assertThat(view.getBoolean(row.formatted(small) + "suppressed")).isTrue();
        assertThat(view.getString(row.formatted(small) + "bandDistribution")).isNull();
        assertThat(view.getString(row.formatted(small) + "openLxpPosts")).isNull();
        assertThat(view.getBoolean(row.formatted(small) + "lxpPostAtBand7OrAbove")).isFalse();
        assertThat(view.getString(row.formatted(small) + "openFindingsByRule")).as("findings about a handful of posts")
                .isNull();
        assertThat(view.getString(row.formatted(large) + "sessionalPercent")).as("no pay recorded for 5 of its posts")
                .isNull();
    }

    @Test
    void aCsvCellASpreadsheetWouldTakeForAFormulaIsEscaped() {
        UUID programme = UUID.randomUUID();
        topics.publishCloudEvent("lxp.roles.funding-programme.v1", programme.toString(),
                "lxp.roles.FundingApplicationRecorded", "/lxp/roles-service", """
                        {"id":"%s","name":"=HYPERLINK(\\"http://example.org\\") %s","fundedBand":"BAND_7",
                         "postsPerOrganisation":1,
                         "applications":[{"organisationCode":"%s","state":"SUCCESSFUL","awardedOn":"2021-02-10",
                           "version":1}],"version":1}""".formatted(programme, programme, large));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().accept("text/csv").when().get("/api/v1/transparency")
                .then().extract().asString().contains(programme.toString()));
        String header = given().accept("text/csv").when().get("/api/v1/transparency").then().extract().asString()
                .lines().findFirst().orElseThrow();
        assertThat(header).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
    }

    @Test
    void noFormatEverCarriesAStaffOrAPostReference() {
        String json = given().when().get("/api/v1/transparency").then().statusCode(200).extract().asString();
        String csv = given().accept("text/csv").when().get("/api/v1/transparency").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        String html = given().accept("text/html").when().get("/api/v1/transparency").then().statusCode(200)
                .contentType("text/html").extract().asString();
        for (String body : List.of(json, csv, html)) {
            assertThat(body).contains(large).doesNotContain("STAFFREF").doesNotContain("SECRETREF");
        }
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("ods_code,name,icb_code,lxp_post_at_band_7_or_above");
        assertThat(csv.lines().filter(line -> line.startsWith(small + ",")).findFirst().orElseThrow())
                .contains(",yes,,");
        assertThat(html).contains("<html lang=\"en\">").contains("<caption>").contains("scope=\"col\"")
                .contains("Fewer than 5");
    }

    @Test
    void dashboardsGetEachOrganisationsRowOnACompactedTopic() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = topics.readAll(TransparencyEvents.TOPIC).stream()
                    .filter(r -> large.equals(r.key())).toList();
            assertThat(published).isNotEmpty();
            String data = new String(published.get(published.size() - 1).value(), StandardCharsets.UTF_8);
            // A row published while the posts were still arriving counts fewer of them, suppressed as null below 5.
            Integer openLxpPosts = JsonPath.from(data).get("openLxpPosts");
            assertThat(openLxpPosts).isEqualTo(6);
            assertThat(data).doesNotContain("STAFFREF").doesNotContain("SECRETREF");
        });
    }

    @Test
    void aTokenIsNeitherNeededNorRefused() {
        String hr = OidcTestServer.shared().token().roles("hr-integration").organisations(small).signed();
        given().auth().oauth2(hr).when().get("/api/v1/transparency").then().statusCode(200);
    }
}
