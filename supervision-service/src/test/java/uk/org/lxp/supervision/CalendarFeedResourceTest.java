package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.nextOrdinary;
import static uk.org.lxp.supervision.SupervisionWorld.practitioner;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;
import static uk.org.lxp.supervision.SupervisionWorld.supervisorToken;

import java.io.StringReader;
import java.net.URI;
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
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class CalendarFeedResourceTest {

    private static final String TRUST = "SCF01";

    @Inject
    SupervisionWorld world;

    private String supervisorReference;
    private String supervisee;
    private String agreementId;

    @BeforeEach
    void fortnightlySupervision() {
        world.organisation(TRUST);
        UUID profile = world.peerSupportProfile(TRUST);
        supervisorReference = newStaffReference();
        supervisee = world.postHolder(TRUST, profile);
        agreementId = makeAgreement(agreement(TRUST, supervisee, supervisor(TRUST, supervisorReference, 4),
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", nextOrdinary(DayOfWeek.THURSDAY), "14:00")).getString("id");
    }

    private String feedOf(String token, String owner, String staffReference) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("owner", owner, "organisationCode", TRUST, "staffReference", staffReference))
                .when().post("/api/v1/calendar-feeds")
                .then().statusCode(201).extract().path("url");
    }

    private static String calendarAt(String url) {
        URI address = URI.create(url);
        return given().queryParam("token", address.getQuery().substring("token=".length()))
                .when().get(address.getPath())
                .then().statusCode(200).contentType("text/calendar").extract().asString();
    }

    private static Calendar parsed(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    @Test
    void aPractitionersFeedIsAValidCalendarOfItsSessionsWithNothingAboutTheOtherPerson() throws Exception {
        String url = feedOf(practitioner(TRUST, supervisee), "SUPERVISEE", supervisee);
        String ics = calendarAt(url);

        Calendar calendar = parsed(ics);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize((int) sessionsOf(TRUST, agreementId).stream().filter(s -> s.get("startsAt") != null).count());
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Lived experience professional supervision");
        assertThat(ics).doesNotContain(supervisorReference).doesNotContain(supervisee).doesNotContain(TRUST);
    }

    @Test
    void aMovedSessionKeepsItsUidWithAHigherSequence() throws Exception {
        String url = feedOf(supervisorToken(TRUST, supervisorReference), "SUPERVISOR", supervisorReference);
        Map<String, Object> first = sessionsOf(TRUST, agreementId).get(0);
        String uid = first.get("id") + "@supervision.lxp-workforce-suite";
        VEvent before = eventWithUid(parsed(calendarAt(url)), uid);
        assertThat(before.<Sequence>getProperty("SEQUENCE").orElseThrow().getSequenceNo()).isZero();

        LocalDate day = LocalDate.parse(first.get("localStart").toString().substring(0, 10));
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON).header("If-Match", "\"" + first.get("version") + "\"")
                .body(Map.of("start", day.minusDays(1).atTime(10, 0).toString()))
                .when().post("/api/v1/sessions/" + first.get("id") + "/reschedule")
                .then().statusCode(200);

        VEvent after = eventWithUid(parsed(calendarAt(url)), uid);
        assertThat(after.<Sequence>getProperty("SEQUENCE").orElseThrow().getSequenceNo()).isEqualTo(1);
        assertThat(after.getDateTimeStart().getValue()).isNotEqualTo(before.getDateTimeStart().getValue());
    }

    @Test
    void aRevokedOrUnknownTokenGets404AndOnlyThePersonOrTheTrustManagesFeeds() {
        String url = feedOf(practitioner(TRUST, supervisee), "SUPERVISEE", supervisee);
        String id = given().auth().oauth2(hr(TRUST)).queryParam("organisation", TRUST).queryParam("staffReference", supervisee)
                .when().get("/api/v1/calendar-feeds")
                .then().statusCode(200).body("", hasSize(1)).body("[0].url", nullValue()).extract().path("[0].id");

        given().auth().oauth2(practitioner(TRUST, world.postHolder(TRUST, world.peerSupportProfile(TRUST))))
                .when().delete("/api/v1/calendar-feeds/" + id).then().statusCode(403);
        given().auth().oauth2(practitioner(TRUST, supervisee)).contentType(ContentType.JSON)
                .body(Map.of("owner", "SUPERVISOR", "organisationCode", TRUST, "staffReference", supervisorReference))
                .when().post("/api/v1/calendar-feeds").then().statusCode(403);
        given().auth().oauth2(hr(TRUST)).contentType(ContentType.JSON)
                .body(Map.of("owner", "SUPERVISOR", "organisationCode", TRUST, "staffReference", supervisee))
                .when().post("/api/v1/calendar-feeds").then().statusCode(422)
                .body("violations[0].field", equalTo("staffReference"));

        given().auth().oauth2(practitioner(TRUST, supervisee)).when().delete("/api/v1/calendar-feeds/" + id)
                .then().statusCode(204);
        URI address = URI.create(url);
        given().queryParam("token", address.getQuery().substring("token=".length())).when().get(address.getPath())
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("token", "not-a-token").when().get(address.getPath()).then().statusCode(404);
        given().when().get(address.getPath()).then().statusCode(404);
    }

    private static VEvent eventWithUid(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(event -> event.<Uid>getProperty("UID").orElseThrow().getValue().equals(uid))
                .findFirst().orElseThrow();
    }
}
