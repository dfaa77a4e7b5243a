package uk.org.lxp.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/** An operator lists what a consumer parked, fixes the cause, and replays it: applied once, never twice. */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class DeadLetterReplayTest {

    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final String DEAD_LETTERS = "/api/v1/services/outbox-test/dead-letters";

    @Inject
    Ledger ledger;

    @Inject
    LedgerProjection projection;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    @Test
    void aParkedRecordIsListedThenReplayedOnceItsCauseIsFixedAndAReplayNeverAppliesTwice() {
        String aggregate = "replay-" + UUID.randomUUID();
        ledger.addPoison(aggregate, 1);
        String id = await().atMost(DEADLINE).until(() -> parkedId(aggregate), found -> found != null);

        Map<String, Object> parked = letter(id);
        assertThat(parked).containsEntry("consumer", LedgerProjection.CONSUMER_GROUP)
                .containsEntry("originalTopic", Ledger.TOPIC).containsEntry("eventType", Ledger.ENTRY_ADDED)
                .containsEntry("attempts", 3).containsEntry("lastReplay", null);
        assertThat((String) parked.get("reason")).contains("poison entry " + aggregate + "/1");

        // Replayed before the fix: it fails again, stays parked and outstanding.
        replay(Map.of("ids", List.of(id))).body("[0].result", equalTo("FAILED"));
        assertThat(letter(id)).extracting(l -> ((Map<?, ?>) l.get("lastReplay")).get("result")).isEqualTo("FAILED");
        assertThat(outstandingIds()).contains(id);
        assertThat(applied(aggregate)).isZero();

        projection.cure(aggregate);
        replay(Map.of("consumer", LedgerProjection.CONSUMER_GROUP)).body("find { it.id == '%s' }.result".formatted(id),
                equalTo("APPLIED"));
        assertThat(applied(aggregate)).isEqualTo(1);
        assertThat(outstandingIds()).doesNotContain(id);

        replay(Map.of("ids", List.of(id))).body("[0].result", equalTo("ALREADY_APPLIED"));
        assertThat(applied(aggregate)).isEqualTo(1);
        assertThat(ledger.count("SELECT count(*) FROM audit_record WHERE entity_id = ? AND action = 'dead-letter.replayed'",
                id)).isEqualTo(3);
    }

    @Test
    void onlyAnAdminOfThisServiceListsOrReplays() {
        given().auth().oauth2(OidcTestServer.shared().token().roles("hr-integration").organisations("RGD").signed())
                .when().get(DEAD_LETTERS).then().statusCode(403).contentType("application/problem+json");
        given().when().get(DEAD_LETTERS).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/v1/services/another-service/dead-letters")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{}")
                .when().post(DEAD_LETTERS + "/replay").then().statusCode(400).contentType("application/problem+json");
    }

    private String parkedId(String aggregate) {
        List<Map<String, Object>> letters = given().auth().oauth2(admin()).when().get(DEAD_LETTERS + "?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return letters.stream().filter(letter -> aggregate.equals(letter.get("subject"))).map(letter -> (String) letter.get("id"))
                .findFirst().orElse(null);
    }

    private Map<String, Object> letter(String id) {
        List<Map<String, Object>> letters = given().auth().oauth2(admin()).when().get(DEAD_LETTERS + "?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return letters.stream().filter(letter -> id.equals(letter.get("id"))).findFirst().orElseThrow();
    }

    private List<String> outstandingIds() {
        return given().auth().oauth2(admin()).when().get(DEAD_LETTERS + "?outstanding=true&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private io.restassured.response.ValidatableResponse replay(Map<String, Object> selection) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(selection)
                .when().post(DEAD_LETTERS + "/replay").then().statusCode(200);
    }

    private long applied(String aggregate) {
        return ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND sequence = 1", aggregate);
    }
}
