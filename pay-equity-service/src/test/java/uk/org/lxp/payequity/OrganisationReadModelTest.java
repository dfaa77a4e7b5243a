package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.payequity.repository.OrganisationRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OrganisationReadModelTest {

    private static final String TOPIC = "lxp.roles.organisation.v1";
    private static final String REGISTERED = "lxp.roles.OrganisationRegistered";

    @Inject
    OrganisationRepository organisations;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    @Test
    void organisationEventsFromTheBrokerBuildTheLocalReadModel() {
        topics.publishCloudEvent(TOPIC, "RMX01", REGISTERED, "/lxp/roles-service", state("RMX01", "First name", 0));

        Organisation organisation = awaitOrganisation("RMX01", 0);
        assertThat(organisation.name()).isEqualTo("First name");
        assertThat(organisation.type()).isEqualTo("NHS_TRUST");
    }

    @Test
    void aRedeliveredOrStaleEventChangesNothing() {
        String id = topics.publishCloudEvent(TOPIC, "RMX02", REGISTERED, "/lxp/roles-service", state("RMX02", "v1", 1));
        awaitOrganisation("RMX02", 1);

        // The same event again, then an older version, then a newer one that proves the first two were consumed.
        topics.publishCloudEvent(TOPIC, "RMX02", id, REGISTERED, "/lxp/roles-service", state("RMX02", "redelivered", 1));
        topics.publishCloudEvent(TOPIC, "RMX02", REGISTERED, "/lxp/roles-service", state("RMX02", "stale", 0));
        topics.publishCloudEvent(TOPIC, "RMX02", REGISTERED, "/lxp/roles-service", state("RMX02", "v2", 2));

        assertThat(awaitOrganisation("RMX02", 2).name()).isEqualTo("v2");
        // Offsets are committed just after the effects' transactions: wait for the commit, not only the effect.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.hasConsumedEverything("pay-equity-service.roles-organisations", TOPIC));
    }

    @Test
    void unknownFieldsAndUnknownEventTypesAreTolerated() {
        topics.publishCloudEvent(TOPIC, "RMX03", "lxp.roles.SomethingNew", "/lxp/roles-service", "{\"x\":1}");
        topics.publishCloudEvent(TOPIC, "RMX03", REGISTERED, "/lxp/roles-service",
                state("RMX03", "Tolerant", 0).replace("{", "{\"aFieldFromTheFuture\":[1,2],"));

        assertThat(awaitOrganisation("RMX03", 0).name()).isEqualTo("Tolerant");
    }

    private Organisation awaitOrganisation(String odsCode, int version) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> organisations.findByIdOptional(odsCode)),
                found -> found.isPresent() && found.get().sourceVersion() == version).orElseThrow();
    }

    private static String state(String odsCode, String name, int version) {
        return """
                {"id":"6f1c1d2e-0000-4000-8000-000000000001","odsCode":"%s","name":"%s","type":"NHS_TRUST",
                 "validFrom":"2020-04-01","validTo":null,"successorOdsCode":null,"version":%d,
                 "updatedAt":"2026-11-22T10:00:00Z"}
                """.formatted(odsCode, name, version);
    }
}
