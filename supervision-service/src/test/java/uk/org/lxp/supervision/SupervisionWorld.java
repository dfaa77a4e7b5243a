package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.persistence.ReferenceCsv;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.OidcTestServer;

/**
 * What the API tests build on, as the suite would provide it: organisations, role profiles and posts published by
 * roles-service on the real broker (and awaited until this service has read them), tokens for each role, and
 * supervisors and agreements made through the API. Every test makes its own people, with fresh staff references.
 */
@ApplicationScoped
public class SupervisionWorld {

    static final String ORGANISATIONS = "lxp.roles.organisation.v1";
    static final String ROLE_PROFILES = "lxp.roles.role-profile.v1";
    static final String POSTS = "lxp.roles.post.v1";
    static final String ROLES_SOURCE = "/lxp/roles-service";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<LocalDate> SHIPPED_HOLIDAYS = shippedHolidays();

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private final Organisations organisations;
    private final SuperviseeRepository supervisees;
    private final EntityManager entities;

    SupervisionWorld(Organisations organisations, SuperviseeRepository supervisees, EntityManager entities) {
        this.organisations = organisations;
        this.supervisees = supervisees;
        this.entities = entities;
    }

    KafkaTopics topics() {
        return topics;
    }

    /** An open organisation, as roles-service publishes it (seeded trusts have no recorded founding date). */
    void organisation(String odsCode) {
        publishOrganisation(odsCode, null, null, null);
    }

    /** An open organisation that has been a member of the ICB since July 2022, when ICBs were set up. */
    void memberOf(String icb, String odsCode) {
        publishOrganisation(odsCode, null, null, icb);
    }

    /** An organisation that has closed. */
    void closedOrganisation(String odsCode, LocalDate closedAfter) {
        publishOrganisation(odsCode, LocalDate.of(2015, 4, 1), closedAfter, null);
    }

    private void publishOrganisation(String odsCode, LocalDate validFrom, LocalDate validTo, String icb) {
        if (QuarkusTransaction.requiringNew().call(() -> organisations.find(odsCode).isPresent())) {
            return;
        }
        String memberships = icb == null ? "[]"
                : "[{\"icbOdsCode\":\"%s\",\"validFrom\":\"2022-07-01\",\"validTo\":null}]".formatted(icb);
        topics.publishCloudEvent(ORGANISATIONS, odsCode, "lxp.roles.OrganisationRegistered", ROLES_SOURCE, """
                {"odsCode":"%s","name":"Trust %s","type":"NHS_TRUST","validFrom":%s,"validTo":%s,"icbMemberships":%s,
                 "version":0,"updatedAt":"2026-11-22T10:00:00Z"}
                """.formatted(odsCode, odsCode, jsonDate(validFrom), jsonDate(validTo), memberships));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> organisations.find(odsCode).isPresent()));
    }

    private static String jsonDate(LocalDate day) {
        return day == null ? "null" : "\"" + day + "\"";
    }

    /** A published peer support worker profile needing lived experience supervision at least every 28 days. */
    UUID peerSupportProfile(String owner) {
        UUID id = UUID.randomUUID();
        topics.publishCloudEvent(ROLE_PROFILES, id.toString(), "lxp.roles.RoleProfilePublished", ROLES_SOURCE, """
                {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker","family":"PEER_SUPPORT","level":"ENTRY",
                 "band":"BAND_4","supervisionRequirements":[{"type":"LIVED_EXPERIENCE_PEER","minimumEveryDays":28},
                 {"type":"LINE_MANAGEMENT","minimumEveryDays":42}],"status":"PUBLISHED","revision":1}
                """.formatted(id, owner));
        return id;
    }

    /** A published ENTRY level profile with the supervision requirements given as JSON objects. */
    UUID profileRequiring(String owner, String requirements) {
        UUID id = UUID.randomUUID();
        topics.publishCloudEvent(ROLE_PROFILES, id.toString(), "lxp.roles.RoleProfilePublished", ROLES_SOURCE, """
                {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker","family":"PEER_SUPPORT","level":"ENTRY",
                 "band":"BAND_4","supervisionRequirements":[%s],"status":"PUBLISHED","revision":1}
                """.formatted(id, owner, requirements));
        return id;
    }

    /** A post filled on a past day (the event says when it happened); returns once this service knows its holder. */
    String postHolderSince(String organisation, UUID roleProfile, LocalDate filledOn) {
        String staffReference = newStaffReference();
        UUID postId = UUID.randomUUID();
        topics.publishCloudEvent(POSTS, postId.toString(), UUID.randomUUID().toString(), "lxp.roles.PostCreated",
                ROLES_SOURCE, """
                {"id":"%s","organisationCode":"%s","postReference":"P-%s","roleProfileId":"%s","fte":1.0,
                 "status":"FILLED","holderStaffReference":"%s","version":0}
                """.formatted(postId, organisation, postId.toString().substring(0, 8), roleProfile, staffReference),
                filledOn.atTime(10, 0).atZone(Today.ENGLAND).toInstant());
        awaitSupervisee(organisation, staffReference);
        return staffReference;
    }

    /** A filled post whose holder becomes a supervisee; returns once this service knows them. */
    String postHolder(String organisation, UUID roleProfile) {
        String staffReference = newStaffReference();
        publishPost(UUID.randomUUID().toString(), UUID.randomUUID(), organisation, roleProfile, staffReference);
        awaitSupervisee(organisation, staffReference);
        return staffReference;
    }

    void publishPost(String eventId, UUID postId, String organisation, UUID roleProfile, String holder) {
        topics.publishCloudEvent(POSTS, postId.toString(), eventId, "lxp.roles.PostCreated", ROLES_SOURCE, """
                {"id":"%s","organisationCode":"%s","postReference":"P-%s","roleProfileId":"%s","fte":0.6,
                 "status":"FILLED","holderStaffReference":"%s","version":0}
                """.formatted(postId, organisation, postId.toString().substring(0, 8), roleProfile, holder));
    }

    void awaitSupervisee(String organisation, String staffReference) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> supervisees.find(organisation, staffReference).isPresent()));
    }

    /**
     * As if the organisation's sessions and group meetings had been planned two months ago, so that the grace period
     * for recording those of the past is over (it runs from when a session was planned, too).
     */
    void plannedLongAgo(String organisation) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("supervision_session", "group_session")) {
                entities.createNativeQuery("UPDATE " + table + " SET planned_at = planned_at - interval '60 days'"
                        + " WHERE organisation_code = ?1").setParameter(1, organisation).executeUpdate();
            }
        });
    }

    long superviseesCalled(String organisation, String staffReference) {
        return QuarkusTransaction.requiringNew().call(() -> supervisees.count(organisation, staffReference));
    }

    static String newStaffReference() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    static String hr(String organisation) {
        return OidcTestServer.shared().token().clientId("hr-" + organisation).subject("service-account-hr-" + organisation)
                .roles("hr-integration").organisations(organisation).signed();
    }

    static String lead(String organisation) {
        return OidcTestServer.shared().token().roles("lxp-lead").organisations(organisation).signed();
    }

    static String supervisorToken(String organisation, String staffReference) {
        return OidcTestServer.shared().token().roles("supervisor").organisations(organisation)
                .staffReference(staffReference).signed();
    }

    static String practitioner(String organisation, String staffReference) {
        return OidcTestServer.shared().token().roles("practitioner").organisations(organisation)
                .staffReference(staffReference).signed();
    }

    /** Registers a supervisor through the API; returns its id. */
    static String supervisor(String organisation, String staffReference, int capacity) {
        return given().auth().oauth2(hr(organisation)).contentType(ContentType.JSON)
                .body(Map.of("organisationCode", organisation, "staffReference", staffReference, "livedExperience", true,
                        "lxpFamily", "PEER_SUPPORT", "lxpLevel", "SENIOR", "maxSupervisees", capacity))
                .when().post("/api/v1/supervisors")
                .then().statusCode(201).extract().path("id");
    }

    /** An agreement body: weekly on a day at a time, an hour long, from a first day. */
    static Map<String, Object> agreement(String organisation, String supervisee, String supervisorId, String rule,
            LocalDate firstDay, String time) {
        return Map.of("organisationCode", organisation, "superviseeStaffReference", supervisee,
                "supervisorId", supervisorId, "type", "LIVED_EXPERIENCE_PROFESSIONAL",
                "cadence", Map.of("rule", rule, "firstDay", firstDay.toString(), "time", time, "durationMinutes", 60));
    }

    /** Makes an agreement through the API as the organisation's HR system; returns it. */
    static JsonPath makeAgreement(Map<String, Object> body) {
        return given().auth().oauth2(hr((String) body.get("organisationCode"))).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/supervision-agreements")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Every session of an agreement, in the order of its series, as the organisation's HR sees them. */
    static List<Map<String, Object>> sessionsOf(String organisation, String agreementId) {
        return given().auth().oauth2(hr(organisation))
                .queryParam("organisation", organisation).queryParam("agreement", agreementId).queryParam("size", 200)
                .when().get("/api/v1/sessions")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A weekday at least a week ahead, in a week without a bank holiday, so a test's first weeks are ordinary. */
    static LocalDate nextOrdinary(DayOfWeek day) {
        return ordinaryFrom(Today.in(Clock.systemUTC()).plusWeeks(1), day);
    }

    /** The first such weekday from {@code from} whose week and the next have no shipped bank holiday. */
    static LocalDate ordinaryFrom(LocalDate from, DayOfWeek day) {
        LocalDate candidate = from.with(TemporalAdjusters.nextOrSame(day));
        while (weekHasHoliday(candidate) || weekHasHoliday(candidate.plusWeeks(1))) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }

    private static boolean weekHasHoliday(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return SHIPPED_HOLIDAYS.stream().anyMatch(h -> !h.isBefore(monday) && h.isBefore(monday.plusDays(7)));
    }

    private static List<LocalDate> shippedHolidays() {
        return ReferenceCsv.rows("reference/bank-holidays-england-wales.csv", "date,name").stream()
                .map(cells -> LocalDate.parse(cells[0])).toList();
    }
}
