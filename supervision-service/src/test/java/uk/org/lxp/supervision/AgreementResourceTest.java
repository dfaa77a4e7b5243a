package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static uk.org.lxp.supervision.SupervisionWorld.admin;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.nextOrdinary;
import static uk.org.lxp.supervision.SupervisionWorld.practitioner;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;
import static uk.org.lxp.supervision.SupervisionWorld.supervisorToken;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.api.Today;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class AgreementResourceTest {

    private static final String TRUST = "SAG01";
    private static final String OTHER_TRUST = "SAG02";
    private static final String PATH = "/api/v1/supervision-agreements";

    @Inject
    SupervisionWorld world;

    private UUID profile;

    @BeforeEach
    void trustsAndTheirRoles() {
        world.organisation(TRUST);
        world.organisation(OTHER_TRUST);
        profile = world.peerSupportProfile(TRUST);
    }

    @Test
    void anAgreementIsMadeWithTheProfilesStandardAndItsSessionsArePlannedToTheHorizon() {
        String supervisee = world.postHolder(TRUST, profile);
        String supervisorId = supervisor(TRUST, newStaffReference(), 6);
        LocalDate firstTuesday = nextOrdinary(DayOfWeek.TUESDAY);

        var made = given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", firstTuesday, "14:00"))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", "\"0\"")
                .body("minimumEveryDays", equalTo(28))
                .body("status", equalTo("ACTIVE"))
                .body("cadence.time", equalTo("14:00:00"))
                .extract().jsonPath();

        LocalDate horizon = LocalDate.now(Today.ENGLAND).plusWeeks(13);
        assertThat(LocalDate.parse(made.getString("plannedUntil"))).isEqualTo(horizon);
        List<Map<String, Object>> sessions = sessionsOf(TRUST, made.getString("id"));
        assertThat(sessions).hasSize((int) (ChronoUnit.DAYS.between(firstTuesday, horizon) / 14 + 1));
        assertThat(sessions.get(0)).containsEntry("localStart", firstTuesday + "T14:00:00")
                .containsEntry("status", "SCHEDULED").containsEntry("sequence", 0);
    }

    @Test
    void anAgreementIsRefusedBeyondCapacityForSomeoneOfAnotherTrustAndForSelfSupervision() {
        String supervisorReference = newStaffReference();
        String supervisorId = supervisor(TRUST, supervisorReference, 1);
        LocalDate monday = nextOrdinary(DayOfWeek.MONDAY);
        makeAgreement(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO",
                monday, "10:00"));

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO",
                        monday, "12:00"))
                .when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("supervisorId"))
                .body("detail", containsString("capacity"));

        String otherTrustsSupervisor = supervisor(OTHER_TRUST, newStaffReference(), 5);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), otherTrustsSupervisor,
                        "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(422).body("detail", containsString("no arrangement"));

        String selfSupervising = world.postHolder(TRUST, profile);
        String selfId = supervisor(TRUST, selfSupervising, 3);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, selfSupervising, selfId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(422).body("detail", containsString("supervises themselves"));
    }

    @Test
    void anArrangementLetsAnotherTrustsSupervisorSupervise() {
        String provider = "SAG03";
        world.organisation(provider);
        String supervisorId = supervisor(provider, newStaffReference(), 5);
        String supervisee = world.postHolder(TRUST, profile);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("providerOrganisation", provider, "receivingOrganisation", TRUST,
                        "validFrom", LocalDate.now().minusDays(1).toString()))
                .when().post("/api/v1/supervision-arrangements")
                .then().statusCode(201);
        given().auth().oauth2(hr(TRUST)).when().get("/api/v1/supervision-arrangements?organisation=" + TRUST)
                .then().statusCode(200).body("providerOrganisation", hasItem(provider));

        makeAgreement(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=WE",
                nextOrdinary(DayOfWeek.WEDNESDAY), "11:00"));
    }

    @Test
    void requestsTheServiceCannotPlanAreProblemsNamingTheField() {
        String supervisorId = supervisor(TRUST, newStaffReference(), 5);
        LocalDate monday = nextOrdinary(DayOfWeek.MONDAY);

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=HOURLY", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("cadence"));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;COUNT=3", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(400).body("detail", containsString("UNTIL or COUNT"));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, "E-NOT-A-HOLDER", supervisorId, "FREQ=WEEKLY", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(422).body("violations[0].field", equalTo("superviseeStaffReference"));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), UUID.randomUUID().toString(), "FREQ=WEEKLY",
                        monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(422).body("violations[0].field", equalTo("supervisorId"));
        Map<String, Object> withNotes = new HashMap<>(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId,
                "FREQ=WEEKLY", monday, "10:00"));
        withNotes.put("notes", "discussed a difficult week");
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).body(withNotes)
                .when().post(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("notes"));
        given().auth().oauth2(hr(OTHER_TRUST)).contentType(ContentType.JSON)
                .body(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY", monday, "10:00"))
                .when().post(PATH)
                .then().statusCode(403);
    }

    @Test
    void changingTheCadenceMidSeriesReplansOnlyWhatIsStillToCome() {
        String supervisee = world.postHolder(TRUST, profile);
        String supervisorId = supervisor(TRUST, newStaffReference(), 5);
        LocalDate firstDay = LocalDate.now().minusWeeks(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        var made = makeAgreement(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;BYDAY=TH", firstDay, "09:30"));
        String id = made.getString("id");
        Map<String, Object> past = sessionsOf(TRUST, id).stream().filter(s -> "SCHEDULED".equals(s.get("status")))
                .findFirst().orElseThrow();
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"" + past.get("version") + "\"")
                .body(Map.of("status", "HELD"))
                .when().post("/api/v1/sessions/" + past.get("id") + "/outcome")
                .then().statusCode(200).body("status", equalTo("HELD"));

        Map<String, Object> fortnightlyOnFridays = agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                firstDay, "13:00");
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).body(fortnightlyOnFridays)
                .when().put(PATH + "/" + id)
                .then().statusCode(428);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(fortnightlyOnFridays)
                .when().put(PATH + "/" + id)
                .then().statusCode(412);
        // Its compliance standing is part of it: the held session may have changed it, and so its version.
        int current = given().auth().oauth2(hr(TRUST)).when().get(PATH + "/" + id).then().statusCode(200)
                .extract().path("version");
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"" + current + "\"")
                .body(fortnightlyOnFridays)
                .when().put(PATH + "/" + id)
                .then().statusCode(200).body("cadence.rule", equalTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"))
                .header("ETag", "\"" + (current + 1) + "\"");

        List<Map<String, Object>> after = sessionsOf(TRUST, id);
        assertThat(after).filteredOn(s -> s.get("id").equals(past.get("id"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("status", "HELD"));
        assertThat(after).filteredOn(s -> "SCHEDULED".equals(s.get("status"))
                        && Instant.parse(s.get("startsAt").toString()).isAfter(Instant.now()))
                .allSatisfy(s -> assertThat(s.get("occurrence").toString()).endsWith("T13:00:00"))
                .isNotEmpty();
        Map<String, Object> movedSupervisor = new HashMap<>(fortnightlyOnFridays);
        movedSupervisor.put("supervisorId", supervisor(TRUST, newStaffReference(), 5));
        String etag = given().auth().oauth2(hr(TRUST)).when().get(PATH + "/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", etag).body(movedSupervisor)
                .when().put(PATH + "/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("supervisorId"));
    }

    @Test
    void endingAnAgreementWithdrawsTheSessionsAfterItsLastDay() {
        String supervisorId = supervisor(TRUST, newStaffReference(), 5);
        LocalDate monday = nextOrdinary(DayOfWeek.MONDAY);
        String id = makeAgreement(agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;BYDAY=MO",
                monday, "15:00")).getString("id");

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("lastDay", monday.plusDays(8).toString()))
                .when().post(PATH + "/" + id + "/end")
                .then().statusCode(200).body("status", equalTo("ENDED"));
        assertThat(sessionsOf(TRUST, id)).hasSize(2);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("lastDay", monday.plusDays(8).toString()))
                .when().post(PATH + "/" + id + "/end")
                .then().statusCode(409);
    }

    @Test
    void manyAgreementsAreMadeOnceWhateverTheRetries() {
        String supervisorId = supervisor(TRUST, newStaffReference(), 10);
        LocalDate wednesday = nextOrdinary(DayOfWeek.WEDNESDAY);
        Map<String, Object> body = Map.of("agreements", List.of(
                agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=WE", wednesday, "10:00"),
                agreement(TRUST, world.postHolder(TRUST, profile), supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=WE", wednesday, "10:00")));
        String key = "agreements-" + UUID.randomUUID();

        List<String> ids = given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post(PATH + "/bulk")
                .then().statusCode(200).body("created", equalTo(2)).extract().jsonPath().getList("ids");
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post(PATH + "/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("ids", equalTo(ids));
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("supervisorId", supervisorId)
                .when().get(PATH).then().statusCode(200).body("totalItems", equalTo(2));

        // The same supervisor, the same week: the second agreement's session was moved off the first's time.
        List<Map<String, Object>> second = sessionsOf(TRUST, ids.get(1));
        assertThat(second.get(0)).containsEntry("status", "SCHEDULED");
        assertThat(second.get(0).get("localStart")).isNotEqualTo(wednesday + "T10:00:00");
        assertThat(second.get(0).get("placementNote").toString()).contains("the supervisor has another session");

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).body(body).when().post(PATH + "/bulk")
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aSupervisorSeesTheAgreementsItSupervisesAndAPractitionerItsOwn() {
        String supervisorReference = newStaffReference();
        String supervisorId = supervisor(TRUST, supervisorReference, 5);
        String supervisee = world.postHolder(TRUST, profile);
        String someoneElse = world.postHolder(TRUST, profile);
        LocalDate friday = nextOrdinary(DayOfWeek.FRIDAY);
        String mine = makeAgreement(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY;INTERVAL=4;BYDAY=FR", friday, "10:00"))
                .getString("id");
        String theirs = makeAgreement(agreement(TRUST, someoneElse, supervisor(TRUST, newStaffReference(), 5),
                "FREQ=WEEKLY;INTERVAL=4;BYDAY=FR", friday, "10:00")).getString("id");

        given().auth().oauth2(supervisorToken(TRUST, supervisorReference)).queryParam("organisation", TRUST)
                .when().get(PATH).then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(mine));
        given().auth().oauth2(practitioner(TRUST, supervisee)).queryParam("organisation", TRUST)
                .when().get(PATH).then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(mine));
        given().auth().oauth2(practitioner(TRUST, supervisee)).when().get(PATH + "/" + theirs).then().statusCode(403);
        given().auth().oauth2(supervisorToken(TRUST, supervisorReference)).when().get(PATH + "/" + mine).then().statusCode(200);
        given().auth().oauth2(hr(OTHER_TRUST)).when().get(PATH + "/" + mine).then().statusCode(403);
        given().auth().oauth2(hr(OTHER_TRUST)).queryParam("organisation", TRUST).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(practitioner(TRUST, supervisee)).contentType(ContentType.JSON)
                .body(agreement(TRUST, supervisee, supervisorId, "FREQ=WEEKLY", friday, "10:00"))
                .when().post(PATH).then().statusCode(403);
        given().auth().oauth2(hr(TRUST)).when().get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anAgreementBeginningBeyondTheHorizonIsPlannedFromItsFirstDayWhenTheHorizonReachesIt() {
        LocalDate beyond = nextOrdinary(DayOfWeek.MONDAY).plusWeeks(20);
        var made = makeAgreement(agreement(TRUST, world.postHolder(TRUST, profile), supervisor(TRUST, newStaffReference(), 5),
                "FREQ=WEEKLY;BYDAY=MO", beyond, "10:00"));

        assertThat(LocalDate.parse(made.getString("plannedUntil"))).isEqualTo(beyond.minusDays(1));
        assertThat(sessionsOf(TRUST, made.getString("id"))).isEmpty();
    }
}
