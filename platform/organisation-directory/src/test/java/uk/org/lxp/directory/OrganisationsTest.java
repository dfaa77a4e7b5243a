package uk.org.lxp.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OrganisationsTest {

    private static final String TOPIC = "lxp.roles.organisation.v1";
    private static final String REGISTERED = "lxp.roles.OrganisationRegistered";
    private static final String CHANGED = "lxp.roles.OrganisationChanged";

    @Inject
    Organisations organisations;

    @Inject
    ChangesSeen changes;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    /** Records the changes the directory announces, as a service that observes them would. */
    @ApplicationScoped
    static class ChangesSeen {

        private final List<String> odsCodes = new CopyOnWriteArrayList<>();

        void seen(@Observes OrganisationChanged change) {
            odsCodes.add(change.odsCode());
        }

        List<String> odsCodes() {
            return List.copyOf(odsCodes);
        }
    }

    @Test
    void organisationEventsFromTheBrokerFillTheDirectoryWithTheirIcbsOverTime() {
        topics.publishCloudEvent(TOPIC, "RMX01", REGISTERED, "/lxp/roles-service", state("RMX01", "First name", 0, """
                [{"icbOdsCode":"QWO","validFrom":"2022-07-01","validTo":"2026-03-31"},
                 {"icbOdsCode":"QNEW","validFrom":"2026-04-01","validTo":null}]"""));

        DirectoryOrganisation organisation = awaitVersion("RMX01", "First name");
        assertThat(organisation.type()).isEqualTo("NHS_TRUST");
        assertThat(organisations.isKnown("RMX01")).isTrue();
        assertThat(organisations.isKnown("NOSUCH")).isFalse();
        assertThat(organisations.icbOf("RMX01", LocalDate.of(2025, 1, 1))).contains("QWO");
        assertThat(organisations.icbOf("RMX01", LocalDate.of(2026, 12, 1))).contains("QNEW");
        assertThat(organisations.icbOf("RMX01", LocalDate.of(2020, 1, 1))).isEmpty();
        assertThat(organisations.membersOf("QNEW", LocalDate.of(2026, 12, 1))).contains("RMX01");
        assertThat(organisations.membersOf("QWO", LocalDate.of(2026, 12, 1))).doesNotContain("RMX01");
        assertThat(changes.odsCodes()).contains("RMX01");
    }

    @Test
    void aRedeliveredOrStaleEventChangesNothing() {
        String id = topics.publishCloudEvent(TOPIC, "RMX02", REGISTERED, "/lxp/roles-service", state("RMX02", "v1", 1, "[]"));
        awaitVersion("RMX02", "v1");

        // The same event again, then an older version, then a newer one that proves the first two were consumed.
        topics.publishCloudEvent(TOPIC, "RMX02", id, REGISTERED, "/lxp/roles-service", state("RMX02", "redelivered", 1, "[]"));
        topics.publishCloudEvent(TOPIC, "RMX02", CHANGED, "/lxp/roles-service", state("RMX02", "stale", 0, "[]"));
        topics.publishCloudEvent(TOPIC, "RMX02", CHANGED, "/lxp/roles-service", state("RMX02", "v2", 2, "[]"));

        assertThat(awaitVersion("RMX02", "v2").name()).isEqualTo("v2");
        // Offsets are committed just after the effects' transactions: wait for the commit, not only the effect.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.hasConsumedEverything("directory-test.organisation-directory", TOPIC));
        assertThat(organisations.find("RMX02")).map(DirectoryOrganisation::name).contains("v2");
        assertThat(changes.odsCodes().stream().filter("RMX02"::equals)).hasSize(2);
    }

    @Test
    void unknownFieldsAndUnknownEventTypesAreTolerated() {
        topics.publishCloudEvent(TOPIC, "RMX03", "lxp.roles.SomethingNew", "/lxp/roles-service", "{\"x\":1}");
        topics.publishCloudEvent(TOPIC, "RMX03", REGISTERED, "/lxp/roles-service",
                state("RMX03", "Tolerant", 0, "[]").replace("{", "{\"aFieldFromTheFuture\":[1,2],"));

        assertThat(awaitVersion("RMX03", "Tolerant").name()).isEqualTo("Tolerant");
    }

    private DirectoryOrganisation awaitVersion(String odsCode, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> organisations.find(odsCode),
                found -> found.isPresent() && found.get().name().equals(name)).orElseThrow();
    }

    private static String state(String odsCode, String name, int version, String memberships) {
        return """
                {"id":"6f1c1d2e-0000-4000-8000-000000000001","odsCode":"%s","name":"%s","type":"NHS_TRUST",
                 "validFrom":null,"validTo":null,"successorOdsCode":null,"icbMemberships":%s,"version":%d,
                 "updatedAt":"2026-11-22T10:00:00Z"}
                """.formatted(odsCode, name, memberships, version);
    }
}
