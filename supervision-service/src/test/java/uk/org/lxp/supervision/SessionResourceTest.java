package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.lead;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.practitioner;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;
import static uk.org.lxp.supervision.SupervisionWorld.supervisorToken;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class SessionResourceTest {

    private static final String TRUST = "SSE01";
    private static final String OTHER_TRUST = "SSE02";

    @Inject
    SupervisionWorld world;

    private UUID profile;
    private String supervisorReference;
    private String supervisee;
    private String agreementId;
    private List<Map<String, Object>> sessions;

    /** Weekly supervision that began five weeks ago: past sessions to record, future ones to move. */
    @BeforeEach
    void weeklySupervisionUnderWay() {
        world.organisation(TRUST);
        world.organisation(OTHER_TRUST);
        profile = world.peerSupportProfile(TRUST);
        supervisorReference = newStaffReference();
        supervisee = world.postHolder(TRUST, profile);
        String supervisorId = supervisor(TRUST, supervisorReference, 6);
        LocalDate firstDay = LocalDate.now().minusWeeks(5).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        agreementId = makeAgreement(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;BYDAY=WE", firstDay, "11:00"))
                .getString("id");
        sessions = sessionsOf(TRUST, agreementId);
    }

    private Map<String, Object> pastSession(int index) {
        return sessions.stream().filter(s -> "SCHEDULED".equals(s.get("status")))
                .filter(s -> LocalDate.parse(s.get("localStart").toString().substring(0, 10)).isBefore(LocalDate.now()))
                .skip(index).findFirst().orElseThrow();
    }

    private Map<String, Object> futureSession(int index) {
        return sessions.stream().filter(s -> "SCHEDULED".equals(s.get("status")))
                .filter(s -> LocalDate.parse(s.get("localStart").toString().substring(0, 10)).isAfter(LocalDate.now()))
                .skip(index).findFirst().orElseThrow();
    }

    private static String etag(Map<String, Object> session) {
        return "\"" + session.get("version") + "\"";
    }

    @Test
    void aSupervisorRecordsItsSuperviseesSessionsAsHeldCancelledOrMissed() {
        String token = supervisorToken(TRUST, supervisorReference);
        Map<String, Object> first = pastSession(0);
        Map<String, Object> second = pastSession(1);
        Map<String, Object> third = pastSession(2);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(first))
                .body(Map.of("status", "HELD", "attended", true))
                .when().post("/api/v1/sessions/" + first.get("id") + "/outcome")
                .then().statusCode(200).body("status", equalTo("HELD")).body("attended", equalTo(true))
                .body("sequence", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(second))
                .body(Map.of("status", "CANCELLED", "cancelledBy", "SUPERVISEE", "cancellationReason", "ANNUAL_LEAVE"))
                .when().post("/api/v1/sessions/" + second.get("id") + "/outcome")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("SUPERVISEE"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(third))
                .body(Map.of("status", "MISSED"))
                .when().post("/api/v1/sessions/" + third.get("id") + "/outcome")
                .then().statusCode(200).body("status", equalTo("MISSED"));

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "MISSED"))
                .when().post("/api/v1/sessions/" + first.get("id") + "/outcome")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void outcomesThatCannotBeTrueOrCarryContentAreRefused() {
        String token = hr(TRUST);
        Map<String, Object> future = futureSession(0);
        Map<String, Object> past = pastSession(0);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(future))
                .body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + future.get("id") + "/outcome")
                .then().statusCode(422).body("detail", containsString("once it has begun"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(past))
                .body(Map.of("status", "HELD", "notes", "talked about her medication"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(400).body("violations[0].field", equalTo("notes"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(past))
                .body(Map.of("status", "CANCELLED", "cancelledBy", "SUPERVISOR", "cancellationReason", "FELT_UNWELL"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(400).body("violations[0].field", equalTo("cancellationReason"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(past))
                .body(Map.of("status", "CANCELLED"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(400).body("detail", containsString("Who cancelled"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", "MISSED"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(428);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"9\"")
                .body(Map.of("status", "MISSED"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("status", "MISSED"))
                .when().post("/api/v1/sessions/" + UUID.randomUUID() + "/outcome")
                .then().statusCode(404);
    }

    @Test
    void onlyTheSessionsOwnSupervisorAndTheTrustRecordItAndASuperviseeOnlyReadsItsOwn() {
        Map<String, Object> past = pastSession(0);
        String anotherSupervisor = newStaffReference();
        supervisor(TRUST, anotherSupervisor, 3);

        given().auth().oauth2(supervisorToken(TRUST, anotherSupervisor)).contentType(ContentType.JSON)
                .header("If-Match", etag(past)).body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(403);
        given().auth().oauth2(practitioner(TRUST, supervisee)).contentType(ContentType.JSON)
                .header("If-Match", etag(past)).body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(403);
        given().auth().oauth2(hr(OTHER_TRUST)).when().get("/api/v1/sessions/" + past.get("id")).then().statusCode(403);
        given().auth().oauth2(hr(OTHER_TRUST)).queryParam("organisation", TRUST).when().get("/api/v1/sessions")
                .then().statusCode(403);

        given().auth().oauth2(practitioner(TRUST, supervisee)).when().get("/api/v1/sessions/" + past.get("id"))
                .then().statusCode(200);
        given().auth().oauth2(practitioner(TRUST, supervisee)).queryParam("organisation", TRUST).queryParam("size", 200)
                .when().get("/api/v1/sessions")
                .then().statusCode(200).body("totalItems", equalTo(sessions.size()))
                .body("items.superviseeStaffReference", everyItem(equalTo(supervisee)));
        given().auth().oauth2(practitioner(TRUST, world.postHolder(TRUST, profile))).queryParam("organisation", TRUST)
                .when().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(supervisorToken(TRUST, anotherSupervisor)).when().get("/api/v1/sessions/" + past.get("id"))
                .then().statusCode(403);
        String supervisedSupervisor = world.postHolder(TRUST, profile);
        supervisor(TRUST, supervisedSupervisor, 3);
        Map<String, Object> ownSupervision = sessionsOf(TRUST, makeAgreement(agreement(TRUST, supervisedSupervisor,
                supervisor(TRUST, newStaffReference(), 3), "FREQ=WEEKLY;BYDAY=TU",
                LocalDate.now().minusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)), "10:00"))
                .getString("id")).get(0);
        given().auth().oauth2(supervisorToken(TRUST, supervisedSupervisor)).when().get("/api/v1/sessions/" + ownSupervision.get("id"))
                .then().statusCode(200);
        given().auth().oauth2(supervisorToken(TRUST, supervisedSupervisor)).contentType(ContentType.JSON)
                .header("If-Match", etag(ownSupervision)).body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + ownSupervision.get("id") + "/outcome")
                .then().statusCode(403);
        given().auth().oauth2(lead(TRUST)).contentType(ContentType.JSON)
                .header("If-Match", etag(past)).body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(200);
    }

    @Test
    void reschedulingOneSessionLeavesTheRestOfTheSeriesAlone() {
        Map<String, Object> next = futureSession(0);
        LocalDate day = LocalDate.parse(next.get("localStart").toString().substring(0, 10));
        String token = supervisorToken(TRUST, supervisorReference);

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(next))
                .body(Map.of("start", day.atTime(20, 0).toString()))
                .when().post("/api/v1/sessions/" + next.get("id") + "/reschedule")
                .then().statusCode(422).body("violations[0].field", equalTo("start"))
                .body("detail", containsString("does not work"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag(next))
                .body(Map.of("start", day.plusDays(1).atTime(15, 30).toString()))
                .when().post("/api/v1/sessions/" + next.get("id") + "/reschedule")
                .then().statusCode(200).body("localStart", equalTo(day.plusDays(1) + "T15:30:00"))
                .body("occurrence", equalTo(next.get("occurrence"))).body("sequence", equalTo(1));

        List<Map<String, Object>> after = sessionsOf(TRUST, agreementId);
        assertThat(after).hasSameSizeAs(sessions);
        for (int i = 0; i < sessions.size(); i++) {
            if (!sessions.get(i).get("id").equals(next.get("id"))) {
                assertThat(after.get(i)).containsEntry("id", sessions.get(i).get("id"))
                        .containsEntry("localStart", sessions.get(i).get("localStart"));
            }
        }
    }

    @Test
    void anHrSystemRecordsAHistoryOfOutcomesOnceWhateverTheRetries() {
        Map<String, Object> first = pastSession(0);
        Map<String, Object> second = pastSession(1);
        Map<String, Object> body = Map.of("outcomes", List.of(
                Map.of("sessionId", first.get("id"), "outcome", Map.of("status", "HELD")),
                Map.of("sessionId", second.get("id"), "outcome",
                        Map.of("status", "CANCELLED", "cancelledBy", "SERVICE", "cancellationReason", "STAFFING"))));
        String key = "outcomes-" + UUID.randomUUID();

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/sessions/outcomes/bulk")
                .then().statusCode(200).body("recorded", equalTo(2));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/sessions/outcomes/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("agreement", agreementId)
                .queryParam("status", "CANCELLED")
                .when().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].cancellationReason", equalTo("STAFFING"));

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", "outcomes-" + UUID.randomUUID())
                .body(Map.of("outcomes", List.of(Map.of("sessionId", pastSession(2).get("id"), "outcome", Map.of("status", "HELD")),
                        Map.of("sessionId", UUID.randomUUID(), "outcome", Map.of("status", "HELD")))))
                .when().post("/api/v1/sessions/outcomes/bulk")
                .then().statusCode(422).body("violations[0].field", equalTo("outcomes[1].sessionId"));
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("agreement", agreementId)
                .queryParam("status", "HELD")
                .when().get("/api/v1/sessions").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(hr(OTHER_TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", "outcomes-" + UUID.randomUUID())
                .body(Map.of("outcomes", List.of(Map.of("sessionId", pastSession(2).get("id"), "outcome", Map.of("status", "HELD")))))
                .when().post("/api/v1/sessions/outcomes/bulk")
                .then().statusCode(403);
    }

    @Test
    void theListIsFilteredByWindowAndAWindowEndingBeforeItStartsIsRefused() {
        LocalDate today = LocalDate.now();
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("agreement", agreementId)
                .queryParam("from", today.toString()).queryParam("to", today.plusWeeks(4).toString())
                .when().get("/api/v1/sessions").then().statusCode(200)
                .body("totalItems", equalTo((int) sessions.stream().filter(s -> s.get("localStart") != null)
                        .map(s -> LocalDate.parse(s.get("localStart").toString().substring(0, 10)))
                        .filter(d -> !d.isBefore(today) && !d.isAfter(today.plusWeeks(4))).count()));
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("from", today.toString())
                .queryParam("to", today.minusDays(1).toString())
                .when().get("/api/v1/sessions").then().statusCode(422).body("violations[0].field", equalTo("to"));
        given().auth().oauth2(hr(TRUST)).when().get("/api/v1/sessions").then().statusCode(400)
                .body("violations[0].field", equalTo("organisation"));
    }
}
