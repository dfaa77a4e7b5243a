package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.org.lxp.supervision.SupervisionWorld.admin;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.ordinaryFrom;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class BankHolidayResourceTest {

    private static final String TRUST = "SBH01";

    @Inject
    SupervisionWorld world;

    @Test
    void theShippedHolidaysAreListedByYear() {
        given().auth().oauth2(SupervisionWorld.practitioner(TRUST, "E-1")).queryParam("year", 2027)
                .when().get("/api/v1/bank-holidays")
                .then().statusCode(200).body("day", hasItem("2027-12-27")).body("name", hasItem("Good Friday"));
    }

    @Test
    void aOneOffHolidayMovesTheSessionsPlannedOnIt() {
        world.organisation(TRUST);
        String supervisee = world.postHolder(TRUST, world.peerSupportProfile(TRUST));
        // Far enough ahead that the first weeks other tests look at are not on it.
        LocalDate thursday = ordinaryFrom(LocalDate.now().plusWeeks(7), DayOfWeek.THURSDAY);
        String agreementId = makeAgreement(agreement(TRUST, supervisee, supervisor(TRUST, newStaffReference(), 4),
                "FREQ=WEEKLY;BYDAY=TH", thursday.minusWeeks(1), "10:00")).getString("id");
        Map<String, Object> onTheDay = sessionsOf(TRUST, agreementId).get(1);
        assertThat(onTheDay).containsEntry("localStart", thursday + "T10:00:00");

        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(Map.of("day", thursday.toString(), "name", "Bank holiday for a state occasion"))
                .when().post("/api/v1/bank-holidays").then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("day", thursday.toString(), "name", "Bank holiday for a state occasion"))
                .when().post("/api/v1/bank-holidays")
                .then().statusCode(201).body("holiday.oneOff", equalTo(true));

        Map<String, Object> moved = sessionsOf(TRUST, agreementId).get(1);
        assertThat(moved).containsEntry("id", onTheDay.get("id")).containsEntry("status", "SCHEDULED")
                .containsEntry("localStart", thursday.minusDays(1) + "T10:00:00").containsEntry("sequence", 1);
        assertThat(moved.get("placementNote").toString()).contains("Bank holiday for a state occasion");

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("day", thursday.toString(), "name", "Again"))
                .when().post("/api/v1/bank-holidays").then().statusCode(409);
    }
}
