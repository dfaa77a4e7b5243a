package uk.org.lxp.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.org.lxp.supervision.SupervisionWorld.admin;
import static uk.org.lxp.supervision.SupervisionWorld.hr;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class SupervisorResourceTest {

    @Inject
    SupervisionWorld world;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void organisationsArePublishedByRolesService() {
        world.organisation("SVA01");
        world.organisation("SVB01");
        world.closedOrganisation("SVC01", LocalDate.of(2020, 3, 31));
    }

    @Test
    void anHrClientRegistersASupervisorOfItsOwnTrustAndReadsItBack() {
        String id = given().auth().oauth2(hr("SVA01")).contentType(ContentType.JSON)
                .body(supervisor("SVA01", "E-1001"))
                .when().post("/api/v1/supervisors")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/supervisors/"))
                .body("staffReference", equalTo("E-1001"))
                .body("livedExperience", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(hr("SVA01")).when().get("/api/v1/supervisors/" + id)
                .then().statusCode(200).body("maxSupervisees", equalTo(6)).body("active", equalTo(true));
        given().auth().oauth2(hr("SVA01")).when().get("/api/v1/supervisors?organisation=SVA01")
                .then().statusCode(200).body("items.staffReference", hasItem("E-1001"));
    }

    @Test
    void oneTrustsHrClientCanNeitherReadNorWriteAnothersSupervisors() {
        String id = given().auth().oauth2(hr("SVA01")).contentType(ContentType.JSON)
                .body(supervisor("SVA01", "E-2002"))
                .when().post("/api/v1/supervisors").then().statusCode(201).extract().path("id");

        given().auth().oauth2(hr("SVB01")).when().get("/api/v1/supervisors/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(hr("SVB01")).when().get("/api/v1/supervisors?organisation=SVA01")
                .then().statusCode(403);
        given().auth().oauth2(hr("SVB01")).contentType(ContentType.JSON)
                .body(supervisor("SVA01", "E-2003"))
                .when().post("/api/v1/supervisors")
                .then().statusCode(403).body("detail", containsString("SVA01"));
    }

    @Test
    void registrationIsPublishedWithTheOpaqueStaffReferenceOnly() throws Exception {
        String id = given().auth().oauth2(hr("SVA01")).contentType(ContentType.JSON)
                .body(supervisor("SVA01", "E-3003"))
                .when().post("/api/v1/supervisors").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> world.topics().readAll("lxp.supervision.supervisor.v1").stream()
                        .filter(r -> id.equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("staffReference").asText()).isEqualTo("E-3003");
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "organisationCode", "staffReference", "livedExperience",
                "lxpFamily", "lxpLevel", "maxSupervisees", "overCapacity", "active", "version");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("lxp.supervision.SupervisorRegistered");
    }

    @Test
    void clientErrorsAreProblems() {
        String hr = hr("SVA01");
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(supervisor("SVA01", "E-4004"))
                .when().post("/api/v1/supervisors").then().statusCode(201);
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(supervisor("SVA01", "E-4004"))
                .when().post("/api/v1/supervisors")
                .then().statusCode(409).contentType("application/problem+json");

        String admin = admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(supervisor("NOORG", "E-4005"))
                .when().post("/api/v1/supervisors")
                .then().statusCode(422).body("detail", containsString("NOORG"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(supervisor("SVC01", "E-4006"))
                .when().post("/api/v1/supervisors")
                .then().statusCode(422).body("detail", containsString("has closed"));

        given().auth().oauth2(hr).contentType(ContentType.JSON)
                .body("""
                        {"organisationCode":"SVA01","staffReference":"Jane Smith <jane@example.org>",
                         "livedExperience":true,"maxSupervisees":0}
                        """)
                .when().post("/api/v1/supervisors")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("staffReference"))
                .body("violations.field", hasItem("maxSupervisees"));

        given().auth().oauth2(hr).when().get("/api/v1/supervisors/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/supervisors?organisation=SVA01").then().statusCode(401);
        String practitioner = OidcTestServer.shared().token().roles("practitioner").organisations("SVA01").signed();
        given().auth().oauth2(practitioner).contentType(ContentType.JSON).body(supervisor("SVA01", "E-4007"))
                .when().post("/api/v1/supervisors").then().statusCode(403);
    }

    @Test
    void hrSyncsSupervisorsInBulkWithTheirHoursAndLeaveOnceWhateverTheRetries() {
        String hr = hr("SVA01");
        String body = """
                {"supervisors":[
                  {"organisationCode":"SVA01","staffReference":"E-5001","livedExperience":true,"lxpFamily":"PEER_SUPPORT",
                   "lxpLevel":"SENIOR","maxSupervisees":4,"workEmail":"senior.peer@nhs.net",
                   "workingHours":{"days":["TUESDAY","WEDNESDAY","THURSDAY"],"start":"08:30","end":"16:30"},
                   "away":[{"from":"2027-04-05","to":"2027-04-09"}]},
                  {"organisationCode":"SVA01","staffReference":"E-5002","livedExperience":false,"maxSupervisees":8}
                ]}
                """;
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "supervisors-E-5001-5002")
                .body(body).when().post("/api/v1/supervisors/bulk")
                .then().statusCode(200).body("registered", equalTo(2)).body("changed", equalTo(0));
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "supervisors-E-5001-5002")
                .body(body).when().post("/api/v1/supervisors/bulk")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "supervisors-E-5001-5002-again")
                .body(body).when().post("/api/v1/supervisors/bulk")
                .then().statusCode(200).body("registered", equalTo(0)).body("unchanged", equalTo(2));

        given().auth().oauth2(hr).queryParam("organisation", "SVA01").queryParam("staffReference", "E-5001")
                .when().get("/api/v1/supervisors")
                .then().statusCode(200).body("items[0].workingHours.days", hasItem("WEDNESDAY"))
                .body("items[0].away[0].to", equalTo("2027-04-09")).body("items[0].workEmail", equalTo("senior.peer@nhs.net"));
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "supervisors-bad-" + System.nanoTime())
                .body("""
                        {"supervisors":[{"organisationCode":"SVA01","staffReference":"E-5003","livedExperience":false,
                          "lxpFamily":"PEER_SUPPORT","maxSupervisees":3}]}
                        """)
                .when().post("/api/v1/supervisors/bulk")
                .then().statusCode(400).body("violations[0].field", equalTo("supervisors[0]"));
        given().auth().oauth2(hr("SVB01")).contentType(ContentType.JSON).header("Idempotency-Key", "supervisors-other")
                .body(body).when().post("/api/v1/supervisors/bulk").then().statusCode(403);
    }

    /**
     * A bulk sync whose supervisor another transaction changes between the sync's read and its write: the sync's
     * update waits on the other's row lock and then finds a newer version. No If-Match was sent, so this is a 409
     * conflict (not a 412); nothing was written, and the same request with the same Idempotency-Key then succeeds.
     */
    @Test
    void aBulkSyncRacingAnotherChangeIsAConflictToRetryAndNothingIsWritten() throws Exception {
        String hr = hr("SVA01");
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(supervisor("SVA01", "E-7001"))
                .when().post("/api/v1/supervisors").then().statusCode(201);
        String sync = """
                {"supervisors":[{"organisationCode":"SVA01","staffReference":"E-7001","livedExperience":true,
                  "maxSupervisees":4}]}
                """;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement change = other.createStatement()) {
                change.executeUpdate("UPDATE supervisor SET version = version + 1"
                        + " WHERE organisation_code = 'SVA01' AND staff_reference = 'E-7001'");
            }
            CompletableFuture<io.restassured.response.Response> racing = CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "race-E-7001")
                            .body(sync).when().post("/api/v1/supervisors/bulk"));
            await().atMost(Duration.ofSeconds(30)).until(() -> syncWaitsOnTheRowLock(other));
            other.commit();

            racing.get(30, TimeUnit.SECONDS).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("/problems/conflict"))
                    .body("detail", containsString("read them again and retry"));
        }
        given().auth().oauth2(hr).queryParam("organisation", "SVA01").queryParam("staffReference", "E-7001")
                .when().get("/api/v1/supervisors")
                .then().statusCode(200).body("items[0].maxSupervisees", equalTo(6));
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("Idempotency-Key", "race-E-7001")
                .body(sync).when().post("/api/v1/supervisors/bulk")
                .then().statusCode(200).body("changed", equalTo(1));
    }

    private static boolean syncWaitsOnTheRowLock(Connection other) throws Exception {
        try (Statement waiting = other.createStatement();
             ResultSet rows = waiting.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND query ILIKE 'update supervisor %'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    @Test
    void aSupervisorIsChangedWithItsETagButNotMovedToAnotherTrust() {
        String hr = hr("SVA01");
        String id = given().auth().oauth2(hr).contentType(ContentType.JSON).body(supervisor("SVA01", "E-6001"))
                .when().post("/api/v1/supervisors").then().statusCode(201).extract().path("id");
        String changed = """
                {"organisationCode":"SVA01","staffReference":"E-6001","livedExperience":true,"maxSupervisees":3,
                 "away":[{"from":"2027-08-02","to":"2027-08-13"}]}
                """;
        given().auth().oauth2(hr).contentType(ContentType.JSON).body(changed).when().put("/api/v1/supervisors/" + id)
                .then().statusCode(428);
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put("/api/v1/supervisors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("maxSupervisees", equalTo(3));
        given().auth().oauth2(hr).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(changed.replace("\"SVA01\"", "\"SVB01\""))
                .when().put("/api/v1/supervisors/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("organisationCode"));
        given().auth().oauth2(hr("SVB01")).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                .when().put("/api/v1/supervisors/" + id).then().statusCode(403);
    }

    private static String supervisor(String organisation, String staffReference) {
        return """
                {"organisationCode":"%s","staffReference":"%s","livedExperience":true,"maxSupervisees":6}
                """.formatted(organisation, staffReference);
    }
}
