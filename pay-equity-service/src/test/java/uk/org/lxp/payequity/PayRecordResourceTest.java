package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class PayRecordResourceTest {

    @Inject
    PostRepository posts;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private String organisation;
    private UUID postId;
    private String postEventId;

    @BeforeEach
    void rolesServiceHasPublishedAPost() {
        organisation = ("Y" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
        postId = UUID.randomUUID();
        postEventId = topics.publishCloudEvent("lxp.roles.post.v1", postId.toString(), "lxp.roles.PostCreated",
                "/lxp/roles-service", post(0, "1.00"));
        awaitPostVersion(0);
    }

    private String post(int version, String fte) {
        return """
                {"id":"%s","organisationCode":"%s","postReference":"REF-1","roleProfileId":"%s","fte":%s,
                 "team":"North","status":"FILLED","funding":{"kind":"RECURRENT","endDate":null},
                 "holderStaffReference":"E-1","version":%d}
                """.formatted(postId, organisation, UUID.randomUUID(), fte, version);
    }

    private void awaitPostVersion(int version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> posts.findByIdOptional(postId).map(Post::sourceVersion).orElse(-2)) == version);
    }

    private String hr() {
        return OidcTestServer.shared().token().clientId("hr-" + organisation).roles("hr-integration")
                .organisations(organisation).signed();
    }

    private ValidatableResponse send(String token, String key, String records) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"organisationCode\":\"%s\",\"records\":[%s]}".formatted(organisation, records))
                .when().post("/api/v1/pay-records/bulk").then();
    }

    private static String record(String from, String terms) {
        return "{\"postReference\":\"REF-1\",\"effectiveFrom\":\"%s\",%s}".formatted(from, terms);
    }

    @Test
    void everyBasisIsAnnualisedOnOneScale() {
        send(hr(), "k-" + UUID.randomUUID(), String.join(",",
                record("2025-06-01", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"fte\":0.6"),
                record("2025-09-01", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"fte\":1,\"hcasZone\":\"OUTER_LONDON\""),
                record("2025-12-01", "\"basis\":\"SESSIONAL\",\"dayRate\":300,\"fte\":0.2"),
                record("2026-01-01", "\"basis\":\"HOURLY\",\"hourlyRate\":12.75,\"fte\":0.5"),
                record("2026-02-01", "\"basis\":\"UNPAID\",\"expensesPerDay\":20,\"fte\":0.2")))
                .statusCode(200).body("created", equalTo(5));

        given().auth().oauth2(hr()).when().get("/api/v1/pay-records?organisation=" + organisation)
                .then().statusCode(200)
                .body("items.fteAnnualisedGbp", equalTo(java.util.List.of(24937.0f, 29651.0f, 78214.5f, 24930.87f, 0.0f)))
                .body("items[4].expensesPerDay", equalTo(20.0f));
    }

    @Test
    void aRetryChangesNothingAndTheSameTermsAgainAreUnchanged() {
        String salaried = record("2025-06-01", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":2,\"fte\":1.0");
        String key = "k-" + UUID.randomUUID();
        send(hr(), key, salaried).statusCode(200).body("created", equalTo(1));
        send(hr(), key, salaried).statusCode(200).header("Idempotent-Replayed", "true").body("created", equalTo(1));
        send(hr(), "k-" + UUID.randomUUID(), salaried.replace("1.0", "1")).statusCode(200)
                .body("unchanged", equalTo(1));
        send(hr(), key, record("2025-06-01", "\"basis\":\"UNPAID\",\"fte\":1")).statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void impossibleOrAbsurdPayIsRefusedWithAClearMessage() {
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":9,\"fte\":1"))
                .statusCode(422).body("detail", containsString("BAND_3 has no point 9 in pay year 2025-26"))
                .body("type", equalTo("/problems/rule-broken")).body("violations[0].field", equalTo("records[0].point"));
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SESSIONAL\",\"dayRate\":-5,\"fte\":1"))
                .statusCode(400).contentType("application/problem+json");
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SESSIONAL\",\"dayRate\":0,\"fte\":1"))
                .statusCode(400);
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"HOURLY\",\"hourlyRate\":10000,\"fte\":1"))
                .statusCode(400);
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SESSIONAL\",\"dayRate\":\"NaN\",\"fte\":1"))
                .statusCode(400);
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"dayRate\":90,\"fte\":1"))
                .statusCode(400).body("detail", containsString("no hourly or day rate"));
        send(hr(), "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"SESSIONAL\",\"fte\":1"))
                .statusCode(400).body("detail", containsString("needs its day rate"));
        send(hr(), "k-" + UUID.randomUUID(), "{\"postReference\":\"NOT-THERE\",\"effectiveFrom\":\"2025-06-01\",\"basis\":\"UNPAID\",\"fte\":1}")
                .statusCode(422).body("detail", containsString("NOT-THERE"))
                .body("type", equalTo("/problems/unknown-reference"))
                .body("violations[0].field", equalTo("records[0].postReference"));
        given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"organisationCode\":\"%s\",\"records\":[%s]}".formatted(organisation,
                        record("2025-06-01", "\"basis\":\"UNPAID\",\"fte\":1")))
                .when().post("/api/v1/pay-records/bulk").then().statusCode(400).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void anotherTrustsHrClientCanNeitherReadNorWrite() {
        String stranger = OidcTestServer.shared().token().roles("hr-integration").organisations("RXG").signed();
        send(stranger, "k-" + UUID.randomUUID(), record("2025-06-01", "\"basis\":\"UNPAID\",\"fte\":1")).statusCode(403);
        given().auth().oauth2(stranger).when().get("/api/v1/pay-records?organisation=" + organisation).then().statusCode(403);
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed())
                .when().get("/api/v1/pay-records?organisation=" + organisation).then().statusCode(403);
        given().when().get("/api/v1/pay-records?organisation=" + organisation).then().statusCode(401);
    }

    @Test
    void theSamePostEventTwiceChangesNothingTwice() {
        topics.publishCloudEvent("lxp.roles.post.v1", postId.toString(), postEventId, "lxp.roles.PostCreated",
                "/lxp/roles-service", post(0, "0.50"));
        topics.publishCloudEvent("lxp.roles.post.v1", postId.toString(), "lxp.roles.PostChanged", "/lxp/roles-service",
                post(1, "0.80"));
        awaitPostVersion(1);
        Post held = QuarkusTransaction.requiringNew().call(() -> posts.findById(postId));
        assertThat(held.fte()).isEqualByComparingTo("0.80");
    }
}
