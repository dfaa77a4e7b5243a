package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.nextOrdinary;
import static uk.org.lxp.supervision.SupervisionWorld.practitioner;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
class SuperviseeResourceTest {

    private static final String TRUST = "SSV01";

    @Inject
    SupervisionWorld world;

    private UUID profile;

    @BeforeEach
    void trust() {
        world.organisation(TRUST);
        profile = world.peerSupportProfile(TRUST);
    }

    @Test
    void aPostEventDeliveredTwiceMakesTheSuperviseeOnce() {
        String holder = newStaffReference();
        UUID post = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        world.publishPost(eventId, post, TRUST, profile, holder);
        world.publishPost(eventId, post, TRUST, profile, holder);
        world.publishPost(UUID.randomUUID().toString(), post, TRUST, profile, holder);
        world.awaitSupervisee(TRUST, holder);
        await().atMost(SupervisionWorld.WAIT).until(() -> world.topics().hasConsumedEverything(
                "supervision-service.roles-posts", SupervisionWorld.POSTS));

        assertThat(world.superviseesCalled(TRUST, holder)).isEqualTo(1);
        given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("staffReference", holder)
                .when().get("/api/v1/supervisees")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].standardWeekAssumed", equalTo(true))
                .body("items[0].workingHours.start", equalTo("09:00:00"));
    }

    @Test
    void aPartTimePatternFromHrMovesTheSessionsStillToComeOntoTheDaysTheyWork() {
        String holder = world.postHolder(TRUST, profile);
        LocalDate monday = nextOrdinary(DayOfWeek.MONDAY);
        String agreementId = makeAgreement(agreement(TRUST, holder, supervisor(TRUST, newStaffReference(), 4),
                "FREQ=WEEKLY;BYDAY=MO", monday, "10:00")).getString("id");
        String firstSession = sessionsOf(TRUST, agreementId).get(0).get("id").toString();
        String id = given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("staffReference", holder)
                .when().get("/api/v1/supervisees").then().statusCode(200).extract().path("items[0].id");
        Map<String, Object> twoDays = Map.of("days", List.of("TUESDAY", "WEDNESDAY"), "start", "09:30", "end", "15:00");

        given().auth().oauth2(practitioner(TRUST, holder)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(twoDays).when().put("/api/v1/supervisees/" + id + "/working-hours").then().statusCode(403);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("days", List.of(), "start", "09:30", "end", "15:00"))
                .when().put("/api/v1/supervisees/" + id + "/working-hours")
                .then().statusCode(400).body("violations[0].field", equalTo("days"));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("days", List.of("TUESDAY"), "start", "15:00", "end", "09:30"))
                .when().put("/api/v1/supervisees/" + id + "/working-hours")
                .then().statusCode(400);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(twoDays)
                .when().put("/api/v1/supervisees/" + id + "/working-hours")
                .then().statusCode(200).body("standardWeekAssumed", equalTo(false)).header("ETag", "\"1\"");

        List<Map<String, Object>> sessions = sessionsOf(TRUST, agreementId);
        assertThat(sessions.get(0)).containsEntry("id", firstSession).containsEntry("sequence", 1)
                .containsEntry("localStart", monday.plusDays(1) + "T10:00:00")
                .containsEntry("occurrence", monday + "T10:00:00");
        assertThat(sessions.get(0).get("placementNote").toString()).contains("the supervisee does not work");
        given().auth().oauth2(practitioner(TRUST, holder)).when().get("/api/v1/supervisees/" + id).then().statusCode(200);
        given().auth().oauth2(practitioner(TRUST, world.postHolder(TRUST, profile))).when().get("/api/v1/supervisees/" + id)
                .then().statusCode(403);
    }
}
