package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
class OrganisationEventsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    ObjectMapper json;

    @Test
    void registeringAnOrganisationPublishesItsFullStateThroughTheBroker() throws Exception {
        String admin = OidcTestServer.shared().token().roles("lxp-admin").signed();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .body("""
                        {"odsCode":"EVT01","name":"Evented Trust","type":"NHS_TRUST","validFrom":"2021-04-01",
                         "validTo":"2024-10-31","successorOdsCode":"EVT02"}
                        """)
                .when().post("/api/v1/organisations")
                .then().statusCode(201);

        KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.readAll(OrganisationEvents.TOPIC).stream()
                        .filter(record -> "EVT01".equals(record.key())).toList(), found -> !found.isEmpty());

        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(header(record, "ce_type")).isEqualTo(OrganisationEvents.REGISTERED);
        assertThat(header(record, "ce_source")).isEqualTo("/lxp/roles-service");
        assertThat(header(record, "ce_subject")).isEqualTo("EVT01");
        assertThat(header(record, "traceparent")).as("the caller's trace continues into the event")
                .startsWith("00-" + TRACE_ID + "-");
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("name").asText()).isEqualTo("Evented Trust");
        assertThat(data.get("validTo").asText()).isEqualTo("2024-10-31");
        assertThat(data.get("successorOdsCode").asText()).isEqualTo("EVT02");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
