package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class TrainingResourceTest {

    private static final String TRUST = "STR01";

    @Inject
    SupervisionWorld world;

    private static String cohort(LocalDate start) {
        return given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(Map.of("organisationCode", TRUST, "name", "Peer support worker training", "startDate", start.toString(),
                        "modules", List.of(Map.of("name", "Introduction to peer support", "plannedWeek", 1),
                                Map.of("name", "Using your lived experience safely", "plannedWeek", 2),
                                Map.of("name", "Boundaries and self-care", "plannedWeek", 10))))
                .when().post("/api/v1/training-cohorts").then().statusCode(201).extract().path("id");
    }

    private static JsonPath enrol(String cohortId, Map<String, Object> body) {
        return given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/training-cohorts/" + cohortId + "/trainees").then().statusCode(201).extract().jsonPath();
    }

    private static String supervisorWhoIsNotAnLxp(int capacity) {
        return given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(Map.of("organisationCode", TRUST, "staffReference", newStaffReference(), "livedExperience", false,
                        "maxSupervisees", capacity))
                .when().post("/api/v1/supervisors").then().statusCode(201).extract().path("id");
    }

    private static String trainee(String cohortId, String traineeId) {
        return "/api/v1/training-cohorts/" + cohortId + "/trainees/" + traineeId;
    }

    @Test
    void aTraineeIsMentoredWeeklyHasModulesRecordedAsTheirWeeksBeginAndWithdrawingEndsTheMentoring() {
        world.organisation(TRUST);
        String cohortId = cohort(LocalDate.now().minusWeeks(6));
        given().auth().oauth2(hr(TRUST)).when().get("/api/v1/training-cohorts/" + cohortId).then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("currentWeek", equalTo(7)).body("weeks", equalTo(12));
        String mentorId = supervisorWhoIsNotAnLxp(1);
        JsonPath enrolled = enrol(cohortId, Map.of("traineeReference", "T-" + newStaffReference(), "mentoring",
                Map.of("mentorId", mentorId, "rule", "FREQ=WEEKLY;BYDAY=TH", "time", "10:00", "durationMinutes", 45)));
        assertThat(enrolled.getList("flags")).containsExactly("MENTOR_NOT_AN_LXP");
        String traineeId = enrolled.getString("id");
        String agreementId = enrolled.getString("mentoringAgreementId");
        List<Map<String, Object>> mentoring = sessionsOf(TRUST, agreementId);
        assertThat(mentoring).isNotEmpty().allSatisfy(session -> assertThat(session.get("type")).isEqualTo("MENTORING"));
        assertThat(mentoring).allSatisfy(session -> assertThat(LocalDate.parse(session.get("occurrence").toString()
                .substring(0, 10))).isBefore(LocalDate.now().minusWeeks(6).plusWeeks(12)));

        String etag = "\"" + enrolled.getInt("version") + "\"";
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("modules", List.of(Map.of("position", 3, "attended", true))))
                .when().post(trainee(cohortId, traineeId) + "/attendance")
                .then().statusCode(422).body("violations[0].field", equalTo("modules"));
        String attendedTag = given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("modules", List.of(Map.of("position", 1, "attended", true), Map.of("position", 2, "attended", false))))
                .when().post(trainee(cohortId, traineeId) + "/attendance")
                .then().statusCode(200).body("attendance.attended", contains(true, false)).extract().header("ETag");
        given().auth().oauth2(hr(TRUST)).header("If-Match", attendedTag)
                .when().post(trainee(cohortId, traineeId) + "/completion")
                .then().statusCode(422);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", attendedTag)
                .body(Map.of("reason", "TOOK_OTHER_EMPLOYMENT", "details", "anything personal"))
                .when().post(trainee(cohortId, traineeId) + "/withdrawal").then().statusCode(400);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", attendedTag)
                .body(Map.of("reason", "TOOK_OTHER_EMPLOYMENT"))
                .when().post(trainee(cohortId, traineeId) + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("flags", empty());
        given().auth().oauth2(hr(TRUST)).when().get("/api/v1/supervision-agreements/" + agreementId)
                .then().statusCode(200).body("status", equalTo("ENDED"));
    }

    @Test
    void aTraineeCompletesFromTheLastWeekAndAMentorBeyondCapacityIsFlagged() {
        world.organisation(TRUST);
        String cohortId = cohort(LocalDate.now().minusWeeks(11).minusDays(1));
        String mentorId = supervisor(TRUST, newStaffReference(), 1);
        String mentoring = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
        JsonPath first = enrol(cohortId, Map.of("traineeReference", "T-" + newStaffReference(), "mentoring",
                Map.of("mentorId", mentorId, "rule", mentoring, "time", "09:00", "durationMinutes", 30)));
        assertThat(first.getList("flags")).isEmpty();
        enrol(cohortId, Map.of("traineeReference", "T-" + newStaffReference(), "mentoring",
                Map.of("mentorId", mentorId, "rule", mentoring, "time", "11:00", "durationMinutes", 30)));
        given().auth().oauth2(hr(TRUST)).when().get("/api/v1/supervisors/" + mentorId)
                .then().statusCode(200).body("overCapacity", equalTo(true));

        given().auth().oauth2(hr(TRUST)).header("If-Match", "\"" + first.getInt("version") + "\"")
                .when().post(trainee(cohortId, first.getString("id")) + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("finishedOn", equalTo(LocalDate.now().toString()));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(Map.of("traineeReference", first.getString("traineeReference")))
                .when().post("/api/v1/training-cohorts/" + cohortId + "/trainees").then().statusCode(409);
        given().auth().oauth2(hr("STR02")).when().get("/api/v1/training-cohorts/" + cohortId).then().statusCode(403);
    }
}
