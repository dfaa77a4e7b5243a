package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.lxp.supervision.SupervisionWorld.admin;
import static uk.org.lxp.supervision.SupervisionWorld.agreement;
import static uk.org.lxp.supervision.SupervisionWorld.hr;
import static uk.org.lxp.supervision.SupervisionWorld.lead;
import static uk.org.lxp.supervision.SupervisionWorld.makeAgreement;
import static uk.org.lxp.supervision.SupervisionWorld.newStaffReference;
import static uk.org.lxp.supervision.SupervisionWorld.sessionsOf;
import static uk.org.lxp.supervision.SupervisionWorld.supervisor;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.supervision.events.ComplianceFiguresEvents;
import uk.org.lxp.supervision.service.ComplianceService;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class ComplianceResourceTest {

    private static final String PEER_AND_LINE = """
            {"type":"LIVED_EXPERIENCE_PEER","minimumEveryDays":28},{"type":"LINE_MANAGEMENT","minimumEveryDays":42}""";
    private static final String PEER_AND_REFLECTIVE = """
            {"type":"LIVED_EXPERIENCE_PEER","minimumEveryDays":28},{"type":"REFLECTIVE_PRACTICE","minimumEveryDays":14}""";

    @Inject
    SupervisionWorld world;

    @Inject
    ComplianceService compliance;

    /** The daily review, once the grace period for recording the organisation's past sessions is over. */
    private void review(String organisation) {
        world.plannedLongAgo(organisation);
        QuarkusTransaction.requiringNew().run(() -> compliance.reviewOrganisation(organisation));
    }

    private static LocalDate weeksAgo(int weeks, DayOfWeek day) {
        return LocalDate.now().minusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
    }

    private static JsonPath agreementOf(String organisation, String id) {
        return given().auth().oauth2(hr(organisation)).when().get("/api/v1/supervision-agreements/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath superviseeOf(String organisation, String staffReference) {
        return given().auth().oauth2(hr(organisation)).queryParam("organisation", organisation)
                .queryParam("staffReference", staffReference).when().get("/api/v1/supervisees")
                .then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    private static LocalDateTime localStart(Map<String, Object> session) {
        return LocalDateTime.parse(session.get("localStart").toString());
    }

    private static void recordHeld(String organisation, Map<String, Object> session) {
        String etag = given().auth().oauth2(hr(organisation)).when().get("/api/v1/sessions/" + session.get("id"))
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(hr(organisation)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "HELD")).when().post("/api/v1/sessions/" + session.get("id") + "/outcome")
                .then().statusCode(200);
    }

    @Test
    void unrecordedSessionsAreMissedAfterTheGracePeriodTheAgreementFallsOverdueAndAHeldSessionBringsItBack() {
        String trust = "SCM01";
        world.organisation(trust);
        UUID profile = world.peerSupportProfile(trust);
        String supervisee = world.postHolder(trust, profile);
        String supervisorId = supervisor(trust, newStaffReference(), 6);
        Map<String, Object> body = new HashMap<>(agreement(trust, supervisee, supervisorId, "FREQ=WEEKLY;BYDAY=TU",
                weeksAgo(8, DayOfWeek.TUESDAY), "11:00"));
        body.put("minimumEveryDays", 14);
        String agreementId = makeAgreement(body).getString("id");

        review(trust);

        List<Map<String, Object>> sessions = sessionsOf(trust, agreementId);
        LocalDateTime graceEnded = LocalDateTime.now().minusDays(7).minusHours(2);
        assertThat(sessions).filteredOn(s -> s.get("localStart") != null && localStart(s).isBefore(graceEnded))
                .isNotEmpty().allSatisfy(s -> assertThat(s.get("status")).isEqualTo("MISSED"));
        assertThat(sessions).filteredOn(s -> s.get("localStart") != null && localStart(s).isAfter(LocalDateTime.now().minusDays(6)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.get("status")).isIn("SCHEDULED", "UNSCHEDULED"));
        assertThat(agreementOf(trust, agreementId).getString("standing")).isEqualTo("OVERDUE");
        assertThat(superviseeOf(trust, supervisee).getString("standing")).isEqualTo("OVERDUE");

        Map<String, Object> lastWeek = sessions.stream().filter(s -> "SCHEDULED".equals(s.get("status")))
                .filter(s -> localStart(s).isBefore(LocalDateTime.now())).reduce((one, other) -> other).orElseThrow();
        recordHeld(trust, lastWeek);

        JsonPath backInStandard = agreementOf(trust, agreementId);
        assertThat(backInStandard.getString("standing")).isEqualTo("COMPLIANT");
        assertThat(backInStandard.getString("lastHeldOn")).isEqualTo(localStart(lastWeek).toLocalDate().toString());
        assertThat(superviseeOf(trust, supervisee).getString("standing")).isEqualTo("COMPLIANT");
        await().atMost(SupervisionWorld.WAIT).untilAsserted(() -> assertThat(typesOn("lxp.supervision.agreement.v1", agreementId))
                .containsSubsequence("lxp.supervision.AgreementBecameOverdue", "lxp.supervision.AgreementBecameCompliant"));
        await().atMost(SupervisionWorld.WAIT).untilAsserted(() -> assertThat(typesOn("lxp.supervision.supervisee.v1", null))
                .contains("lxp.supervision.SuperviseeOverdue", "lxp.supervision.SuperviseeCompliant"));
    }

    @Test
    void historyPlannedTodayIsGivenItsGracePeriodBeforeAnyOfItCountsAsMissed() {
        String trust = "SCM08";
        world.organisation(trust);
        String supervisee = world.postHolder(trust, world.peerSupportProfile(trust));
        String supervisorId = supervisor(trust, newStaffReference(), 6);
        Map<String, Object> body = new HashMap<>(agreement(trust, supervisee, supervisorId, "FREQ=WEEKLY;BYDAY=TU",
                weeksAgo(8, DayOfWeek.TUESDAY), "11:00"));
        body.put("minimumEveryDays", 14);
        String agreementId = makeAgreement(body).getString("id");

        QuarkusTransaction.requiringNew().run(() -> compliance.reviewOrganisation(trust));

        assertThat(sessionsOf(trust, agreementId)).extracting(s -> s.get("status")).doesNotContain("MISSED");
        assertThat(agreementOf(trust, agreementId).getString("standing")).isEqualTo("COMPLIANT");
    }

    @Test
    void aPostHolderWithoutTheSupervisionTheirRoleNeedsIsUnsupervisedOnlyAfterTheTimeANewStarterIsGiven() {
        String trust = "SCM02";
        world.organisation(trust);
        UUID profile = world.profileRequiring(trust, PEER_AND_LINE);
        String longSettled = world.postHolderSince(trust, profile, LocalDate.now().minusDays(40));
        String newStarter = world.postHolderSince(trust, profile, LocalDate.now().minusDays(3));
        String supervisorId = supervisor(trust, newStaffReference(), 6);
        Map<String, Object> lineManagement = new HashMap<>(agreement(trust, longSettled, supervisorId,
                "FREQ=WEEKLY;BYDAY=TH", LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.THURSDAY)), "10:00"));
        lineManagement.put("type", "LINE_MANAGEMENT");
        makeAgreement(lineManagement);

        review(trust);

        JsonPath settled = superviseeOf(trust, longSettled);
        assertThat(settled.getString("standing")).isEqualTo("UNSUPERVISED");
        assertThat(settled.getList("missingSupervision")).containsExactly("LIVED_EXPERIENCE_PROFESSIONAL");
        assertThat(superviseeOf(trust, newStarter).getString("standing")).isEqualTo("COMPLIANT");

        makeAgreement(agreement(trust, longSettled, supervisorId, "FREQ=WEEKLY;BYDAY=FR",
                LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.FRIDAY)), "10:00"));
        JsonPath supervised = superviseeOf(trust, longSettled);
        assertThat(supervised.getString("standing")).isEqualTo("COMPLIANT");
        assertThat(supervised.getList("missingSupervision")).isEmpty();
    }

    @Test
    void groupAttendanceCountsTowardsTheStandardOnlyWhereTheRoleProfileAsksForGroupSupervision() {
        String trust = "SCM03";
        world.organisation(trust);
        String counts = world.postHolder(trust, world.profileRequiring(trust, PEER_AND_REFLECTIVE));
        String doesNotCount = world.postHolder(trust, world.peerSupportProfile(trust));
        String facilitatorId = supervisor(trust, newStaffReference(), 10);
        LocalDate groupStart = weeksAgo(6, DayOfWeek.MONDAY);
        for (String member : List.of(counts, doesNotCount)) {
            Map<String, Object> group = new HashMap<>(agreement(trust, member, facilitatorId, "FREQ=WEEKLY;BYDAY=WE",
                    groupStart, member.equals(counts) ? "09:00" : "10:30"));
            group.put("type", "GROUP");
            group.put("minimumEveryDays", 14);
            makeAgreement(group);
        }
        String groupId = given().auth().oauth2(hr(trust)).contentType(ContentType.JSON)
                .body(Map.of("organisationCode", trust, "name", "Peer team reflective practice", "facilitatorId", facilitatorId,
                        "cadence", Map.of("rule", "FREQ=WEEKLY;BYDAY=MO", "firstDay", groupStart.toString(), "time", "14:00",
                                "durationMinutes", 90),
                        "members", List.of(counts, doesNotCount)))
                .when().post("/api/v1/reflective-groups")
                .then().statusCode(201).extract().path("id");
        List<Map<String, Object>> meetings = given().auth().oauth2(hr(trust)).queryParam("size", 100)
                .when().get("/api/v1/reflective-groups/" + groupId + "/meetings")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> lastMeeting = meetings.stream().filter(m -> "SCHEDULED".equals(m.get("status")))
                .filter(m -> localStart(m).isBefore(LocalDateTime.now().minusDays(1))).reduce((one, other) -> other)
                .orElseThrow();
        String etag = "\"" + lastMeeting.get("version") + "\"";
        given().auth().oauth2(hr(trust)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "HELD", "attended", List.of(counts, doesNotCount)))
                .when().post("/api/v1/reflective-groups/" + groupId + "/meetings/" + lastMeeting.get("id") + "/outcome")
                .then().statusCode(200).body("status", equalTo("HELD"))
                .body("attendance.find { it.staffReference == '" + counts + "' }.attended", equalTo(true));

        review(trust);

        List<Map<String, Object>> groupAgreements = given().auth().oauth2(hr(trust)).queryParam("organisation", trust)
                .when().get("/api/v1/supervision-agreements").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> standingOf = new HashMap<>();
        groupAgreements.forEach(a -> standingOf.put((String) a.get("superviseeStaffReference"), (String) a.get("standing")));
        assertThat(standingOf).containsEntry(counts, "COMPLIANT").containsEntry(doesNotCount, "OVERDUE");
    }

    @Test
    void aMeetingRecordNamesMembersOnlyAndKeepsNothingSaid() {
        String trust = "SCM04";
        world.organisation(trust);
        String member = world.postHolder(trust, world.peerSupportProfile(trust));
        String facilitatorId = supervisor(trust, newStaffReference(), 10);
        String groupId = given().auth().oauth2(lead(trust)).contentType(ContentType.JSON)
                .body(Map.of("organisationCode", trust, "name", "Reflective practice", "facilitatorId", facilitatorId,
                        "cadence", Map.of("rule", "FREQ=WEEKLY;BYDAY=TU", "firstDay", weeksAgo(2, DayOfWeek.TUESDAY).toString(),
                                "time", "14:00", "durationMinutes", 60),
                        "members", List.of(member)))
                .when().post("/api/v1/reflective-groups").then().statusCode(201).extract().path("id");
        Map<String, Object> past = given().auth().oauth2(hr(trust)).when().get("/api/v1/reflective-groups/" + groupId + "/meetings")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").get(0);
        String outcome = "/api/v1/reflective-groups/" + groupId + "/meetings/" + past.get("id") + "/outcome";
        given().auth().oauth2(hr(trust)).contentType(ContentType.JSON).header("If-Match", "\"" + past.get("version") + "\"")
                .body(Map.of("status", "HELD", "attended", List.of(newStaffReference())))
                .when().post(outcome).then().statusCode(422).body("violations[0].field", equalTo("attended"));
        given().auth().oauth2(hr(trust)).contentType(ContentType.JSON).header("If-Match", "\"" + past.get("version") + "\"")
                .body(Map.of("status", "HELD", "attended", List.of(member), "notes", "what was said"))
                .when().post(outcome).then().statusCode(400);
        given().auth().oauth2(hr("SCM05")).when().get("/api/v1/reflective-groups/" + groupId).then().statusCode(403);
    }

    @Test
    void figuresAgreeWithTheSessionsAsRecordedAndSmallCohortsAreSuppressed() {
        String trust = "SCM06";
        world.organisation(trust);
        UUID profile = world.peerSupportProfile(trust);
        String supervisorId = supervisor(trust, newStaffReference(), 10);
        List<String> agreements = new ArrayList<>();
        DayOfWeek[] days = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY};
        for (DayOfWeek day : days) {
            String holder = world.postHolder(trust, profile);
            agreements.add(makeAgreement(agreement(trust, holder, supervisorId, "FREQ=WEEKLY;BYDAY=" + day.name().substring(0, 2),
                    weeksAgo(6, day), "13:00")).getString("id"));
        }
        List<Map<String, Object>> past = sessionsOf(trust, agreements.get(0)).stream()
                .filter(s -> "SCHEDULED".equals(s.get("status"))).filter(s -> localStart(s).isBefore(LocalDateTime.now()))
                .toList();
        past.subList(past.size() - 3, past.size()).forEach(s -> recordHeld(trust, s));
        review(trust);

        JsonPath figures = given().auth().oauth2(admin()).queryParam("organisation", trust)
                .when().get("/api/v1/supervision-figures").then().statusCode(200).extract().jsonPath();
        LocalDate from = LocalDate.parse(figures.getString("from"));
        LocalDate to = LocalDate.parse(figures.getString("to"));
        Map<String, Integer> recomputed = new HashMap<>(Map.of("HELD", 0, "CANCELLED", 0, "MISSED", 0));
        for (String agreementId : agreements) {
            for (Map<String, Object> session : sessionsOf(trust, agreementId)) {
                LocalDate due = LocalDateTime.parse(session.get("occurrence").toString()).toLocalDate();
                if (!due.isBefore(from) && !due.isAfter(to) && recomputed.containsKey((String) session.get("status"))) {
                    recomputed.merge((String) session.get("status"), 1, Integer::sum);
                }
            }
        }
        assertThat(figures.getBoolean("suppressed")).isFalse();
        assertThat(figures.getInt("supervisees")).isEqualTo(3);
        assertThat(figures.getInt("sessions.held")).isEqualTo(recomputed.get("HELD")).isEqualTo(3);
        assertThat(figures.getInt("sessions.missed")).isEqualTo(recomputed.get("MISSED")).isPositive();
        assertThat(figures.getInt("sessions.recorded"))
                .isEqualTo(recomputed.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(figures.getInt("withLxpSupervisor")).isEqualTo(3);
        assertThat(figures.getInt("bySeniorLxp")).isEqualTo(3);
        assertThat(figures.getInt("overdueAgreements")).isEqualTo(2);
        assertThat(figures.getInt("compliant")).isEqualTo(1);
        assertThat(figures.getInt("overdue")).isEqualTo(2);

        given().auth().oauth2(lead(trust)).queryParam("organisation", trust)
                .when().get("/api/v1/supervision-figures").then().statusCode(200)
                .body("suppressed", equalTo(true)).body("supervisees", nullValue()).body("sessions", nullValue());
        world.organisation("SCM07");
        given().auth().oauth2(lead(trust)).queryParam("organisation", "SCM07")
                .when().get("/api/v1/supervision-figures").then().statusCode(403);

        await().atMost(SupervisionWorld.WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = world.topics().readAll(ComplianceFiguresEvents.TOPIC).stream()
                    .filter(r -> ComplianceFiguresEvents.key(trust).equals(r.key())).toList();
            assertThat(published).isNotEmpty();
            String data = new String(published.get(published.size() - 1).value(), StandardCharsets.UTF_8);
            assertThat(JsonPath.from(data).getBoolean("suppressed")).isTrue();
            assertThat(JsonPath.from(data).getString("scope.code")).isEqualTo(trust);
            assertThat(data).doesNotContain("E-");
        });
    }

    private List<String> typesOn(String topic, String key) {
        return world.topics().readAll(topic).stream().filter(r -> key == null || key.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).toList();
    }
}
