package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.roles.events.OrganisationEvents;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OrganisationMaintenanceTest {

    @Inject
    DataSource dataSource;

    private static String admin() {
        return OidcTestServer.shared().token().clientId("admin-console").subject("admin-7").roles("lxp-admin").signed();
    }

    private static String analyst() {
        return OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed();
    }

    @Test
    void shippedTrustsAndIcbsAreLoadedWithEffectiveDatedMembership() {
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations/RGD")
                .then().statusCode(200)
                .body("name", equalTo("Leeds and York Partnership NHS Foundation Trust"))
                .body("type", equalTo("NHS_TRUST"))
                .body("icbMemberships[0].icbOdsCode", equalTo("QWO"))
                .body("icbMemberships[0].validFrom", equalTo("2022-07-01"))
                .body("icbMemberships[0].validTo", equalTo("2026-03-31"));
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations?icb=QWO&on=2025-01-01")
                .then().statusCode(200).body("items.odsCode", hasItems("RGD", "RXG"));
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations?type=INTEGRATED_CARE_BOARD&on=2025-01-01&size=1")
                .then().statusCode(200).body("totalItems", equalTo(42));
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations?type=INTEGRATED_CARE_BOARD&on=2026-06-01")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations/QWO")
                .then().statusCode(200).body("gssCode", equalTo("E54000054"));
    }

    @Test
    void seededOrganisationsArePublishedForOtherServices() {
        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(OrganisationEvents.TOPIC).stream()
                .anyMatch(record -> "RXG".equals(record.key())
                        && new String(record.value(), StandardCharsets.UTF_8).contains("QWO")));
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndIsPublishedAndAudited() throws Exception {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"UPD01","name":"Before Merger Trust","type":"NHS_TRUST","validFrom":"2010-04-01",
                         "icbMemberships":[{"icbOdsCode":"QWO","validFrom":"2022-07-01"}]}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(201).header("ETag", "\"0\"");
        String merged = """
                {"name":"Before Merger Trust","type":"NHS_TRUST","validFrom":"2010-04-01","validTo":"2024-10-31",
                 "successorOdsCode":"UPD02",
                 "icbMemberships":[{"icbOdsCode":"QWO","validFrom":"2022-07-01","validTo":"2024-10-31"}]}
                """;

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(merged)
                .when().put("/api/v1/organisations/UPD01")
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(merged).header("If-Match", "\"7\"")
                .when().put("/api/v1/organisations/UPD01")
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("\"0\""));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(merged).header("If-Match", "\"0\"")
                .when().put("/api/v1/organisations/UPD01")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("validTo", equalTo("2024-10-31")).body("successorOdsCode", equalTo("UPD02"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(merged).header("If-Match", "\"0\"")
                .when().put("/api/v1/organisations/UPD01")
                .then().statusCode(412);

        given().auth().oauth2(analyst()).when().get("/api/v1/organisations?icb=QWO&on=2025-01-01")
                .then().statusCode(200).body("items.odsCode", not(hasItem("UPD01")));
        given().auth().oauth2(analyst()).when().get("/api/v1/organisations?icb=QWO&on=2024-01-01")
                .then().statusCode(200).body("items.odsCode", hasItem("UPD01"));

        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(OrganisationEvents.TOPIC).stream()
                .anyMatch(record -> "UPD01".equals(record.key()) && OrganisationEvents.CHANGED.equals(
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))));

        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement(
                     "SELECT actor, action FROM audit_record WHERE entity_id = 'UPD01' ORDER BY id")) {
            var rows = query.executeQuery();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("admin-console/admin-7");
            assertThat(rows.getString(2)).isEqualTo("organisation.registered");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo("organisation.changed");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void brokenRulesAndUnknownOrganisationsAreClientErrors() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"odsCode":"OVL01","name":"Overlapping Trust","type":"NHS_TRUST",
                         "icbMemberships":[{"icbOdsCode":"QWO","validFrom":"2022-07-01"},
                                           {"icbOdsCode":"QHL","validFrom":"2023-01-01"}]}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(400).body("detail", containsString("overlap"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Nobody\",\"type\":\"NHS_TRUST\"}")
                .when().put("/api/v1/organisations/NOPE9")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Renamed\",\"type\":\"NHS_TRUST\"}")
                .when().put("/api/v1/organisations/RGD")
                .then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/v1/organisations?icb=not valid")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
