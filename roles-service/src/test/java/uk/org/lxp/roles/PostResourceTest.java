package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import uk.org.lxp.roles.events.PostEvents;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class PostResourceTest {

    @Inject
    DataSource dataSource;

    private String organisation;
    private String profile;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static String hrOf(String odsCode) {
        return OidcTestServer.shared().token().clientId("hr-" + odsCode).subject("sa-" + odsCode)
                .roles("hr-integration").organisations(odsCode).signed();
    }

    /** A trust of its own per test, currently in ICB QWO, with a published profile for its posts. */
    @BeforeEach
    void anOrganisationWithAPublishedProfile() {
        organisation = ("P" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"%s","name":"Posts Trust","type":"NHS_TRUST",
                         "icbMemberships":[{"icbOdsCode":"QWO","validFrom":"2022-07-01"}]}
                        """.formatted(organisation))
                .when().post("/api/v1/organisations").then().statusCode(201);
        profile = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile(organisation, "Peer Support Worker", "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin()).header("If-Match", "\"0\"")
                .when().post("/api/v1/role-profiles/" + profile + "/publish").then().statusCode(200);
    }

    private String bulk(int count, String status) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String holder = status.equals("FILLED") ? ",\"holderStaffReference\":\"E-%05d\"".formatted(i) : "";
            items.add("""
                    {"postReference":"%s-%05d","roleProfileId":"%s","fte":%s,"team":"Team %d","status":"%s",
                     "funding":{"kind":"%s"%s}%s}""".formatted(organisation, i, profile, i % 2 == 0 ? "1.0" : "0.6",
                    i % 10, status, i % 3 == 0 ? "FIXED_TERM" : "RECURRENT",
                    i % 3 == 0 ? ",\"endDate\":\"2027-03-31\"" : "", holder));
        }
        return "{\"organisationCode\":\"%s\",\"posts\":[%s]}".formatted(organisation, String.join(",", items));
    }

    private ExtractableResponse<Response> send(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/posts/bulk").then().extract();
    }

    @Test
    void fiveThousandPostsInOneRequestArePublishedOnceAndARetryChangesNothing() {
        String body = bulk(5_000, "FILLED");
        String key = "sync-" + UUID.randomUUID();
        var first = send(hrOf(organisation), key, body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getInt("created")).isEqualTo(5_000);
        Set<String> ids = first.jsonPath().getList("posts.id", String.class).stream().collect(Collectors.toSet());
        assertThat(ids).hasSize(5_000);

        var retry = send(hrOf(organisation), key, body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.asString()).isEqualTo(first.asString());

        var sameContentNewKey = send(hrOf(organisation), "sync-" + UUID.randomUUID(), body);
        assertThat(sameContentNewKey.jsonPath().getInt("unchanged")).isEqualTo(5_000);
        assertThat(sameContentNewKey.jsonPath().getInt("created")).isZero();

        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_type = 'post' AND payload->>'organisationCode' = ?"))
                .isEqualTo(5_000);
        assertThat(count("SELECT count(*) FROM post WHERE organisation_ods_code = ? AND version <> 0")).isZero();
        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).until(() -> topics.readAll(PostEvents.TOPIC).stream()
                .filter(record -> ids.contains(record.key())).count() == 5_000);

        var keyReusedForAnotherBody = send(hrOf(organisation), key, bulk(1, "VACANT"));
        assertThat(keyReusedForAnotherBody.statusCode()).isEqualTo(422);
    }

    @Test
    void aChangedPostGetsANewVersionAndAnEventWithTheStaffReferenceOnly() {
        send(hrOf(organisation), "first-" + UUID.randomUUID(), bulk(3, "FILLED"));
        var changed = send(hrOf(organisation), "second-" + UUID.randomUUID(), bulk(3, "FILLED")
                .replace("\"fte\":0.6", "\"fte\":0.8"));
        assertThat(changed.jsonPath().getInt("changed")).isEqualTo(1);
        assertThat(changed.jsonPath().getInt("unchanged")).isEqualTo(2);
        String id = changed.jsonPath().getString("posts[1].id");

        given().auth().oauth2(hrOf(organisation)).when().get("/api/v1/posts/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("fte", equalTo(0.8f)).body("holderStaffReference", equalTo("E-00001"))
                .body("funding.kind", equalTo("RECURRENT"));
        assertThat(count("SELECT count(*) FROM outbox_event WHERE event_type = 'lxp.roles.PostChanged'"
                + " AND payload->>'organisationCode' = ? AND jsonb_exists(payload, 'holderStaffReference')"
                + " AND NOT jsonb_exists(payload, 'holderName')")).isEqualTo(1);
    }

    @Test
    void aSingleUpdateNeedsTheCurrentETag() {
        String id = send(hrOf(organisation), "one-" + UUID.randomUUID(), bulk(1, "VACANT")).jsonPath().getString("posts[0].id");
        String item = """
                {"postReference":"%s-00000","roleProfileId":"%s","fte":1.0,"team":"Team 0","status":"FROZEN",
                 "funding":{"kind":"FIXED_TERM","endDate":"2027-03-31"}}""".formatted(organisation, profile);
        given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON).body(item)
                .when().put("/api/v1/posts/" + id).then().statusCode(428);
        given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON).body(item).header("If-Match", "\"4\"")
                .when().put("/api/v1/posts/" + id).then().statusCode(412);
        given().auth().oauth2(hrOf("RXG")).contentType(ContentType.JSON).body(item).header("If-Match", "\"0\"")
                .when().put("/api/v1/posts/" + id).then().statusCode(403);
        given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON).body(item).header("If-Match", "\"0\"")
                .when().put("/api/v1/posts/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("FROZEN"));
        given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON)
                .body(item.replace("-00000", "-99999")).header("If-Match", "\"1\"")
                .when().put("/api/v1/posts/" + id).then().statusCode(422).body("detail", containsString("cannot change"))
                .body("violations[0].field", equalTo("postReference"));
        given().auth().oauth2(hrOf(organisation)).contentType(ContentType.JSON).body(item).header("If-Match", "\"0\"")
                .when().put("/api/v1/posts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void oneTrustsHrClientCanNeitherReadNorChangeAnothersPosts() {
        String id = send(hrOf(organisation), "own-" + UUID.randomUUID(), bulk(1, "VACANT")).jsonPath().getString("posts[0].id");
        String stranger = hrOf("RXG");

        assertThat(send(stranger, "steal-" + UUID.randomUUID(), bulk(1, "VACANT")).statusCode()).isEqualTo(403);
        given().auth().oauth2(stranger).when().get("/api/v1/posts/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/api/v1/posts?organisation=" + organisation).then().statusCode(403);
        given().auth().oauth2(hrOf(organisation)).when().get("/api/v1/posts?organisation=" + organisation)
                .then().statusCode(200).body("items.id", hasItem(id));

        String analystHere = OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed();
        String analystElsewhere = OidcTestServer.shared().token().roles("ics-analyst").icb("QHL").signed();
        given().auth().oauth2(analystHere).when().get("/api/v1/posts/" + id).then().statusCode(200);
        given().auth().oauth2(analystHere).when().get("/api/v1/posts?status=VACANT&size=200")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(analystElsewhere).when().get("/api/v1/posts/" + id).then().statusCode(403);
        given().auth().oauth2(analystElsewhere).when().get("/api/v1/posts?icb=QWO").then().statusCode(403);
        given().auth().oauth2(OidcTestServer.shared().token().roles("practitioner").organisations(organisation).signed())
                .when().get("/api/v1/posts/" + id).then().statusCode(403);
    }

    @Test
    void badRequestsAreRefusedWholeWithAReason() {
        String hr = hrOf(organisation);
        var noKey = send(hr, null, bulk(1, "VACANT"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.asString()).contains("Idempotency-Key");

        var badFte = send(hr, "k-" + UUID.randomUUID(), bulk(2, "VACANT").replace("\"fte\":1.0", "\"fte\":1.5"));
        assertThat(badFte.statusCode()).isEqualTo(400);
        assertThat(badFte.jsonPath().getList("violations.field", String.class)).anyMatch(f -> f.contains("fte"));

        var filledWithoutHolder = send(hr, "k-" + UUID.randomUUID(), bulk(1, "FILLED").replace(",\"holderStaffReference\":\"E-00000\"", ""));
        assertThat(filledWithoutHolder.statusCode()).isEqualTo(400);
        assertThat(filledWithoutHolder.asString()).contains("posts[0]");

        var unknownProfile = send(hr, "k-" + UUID.randomUUID(), bulk(1, "VACANT").replace(profile, UUID.randomUUID().toString()));
        assertThat(unknownProfile.statusCode()).isEqualTo(422);
        assertThat(unknownProfile.jsonPath().getString("type")).isEqualTo("/problems/unknown-reference");
        assertThat(unknownProfile.jsonPath().getList("violations.field", String.class)).containsExactly("posts[0].roleProfileId");

        String twice = bulk(1, "VACANT").replace("]}", "," + bulk(1, "VACANT").replaceAll("^.*\"posts\":\\[", ""));
        var duplicate = send(hr, "k-" + UUID.randomUUID(), twice);
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.asString()).contains("appears twice");

        assertThat(count("SELECT count(*) FROM post WHERE organisation_ods_code = ?")).isZero();
        given().when().get("/api/v1/posts?organisation=" + organisation).then().statusCode(401);
        given().auth().oauth2(hr).when().get("/api/v1/posts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(hr).when().get("/api/v1/posts?organisation=" + organisation + "&status=HALF_FILLED")
                .then().statusCode(400).body("detail", containsString("VACANT"))
                .body("violations[0].field", equalTo("status")).body("violations[0].in", equalTo("query"));
    }

    /** Counts rows of this test's organisation: the query's one parameter is its ODS code. */
    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            query.setString(1, organisation);
            var rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
