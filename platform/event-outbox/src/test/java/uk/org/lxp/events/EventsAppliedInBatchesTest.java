package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.org.lxp.events.LedgerChecks.header;
import static uk.org.lxp.events.LedgerChecks.uniqueAggregate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * The test consumer registered with {@code onBatch}: a poll's entries reach its handler together, and every
 * guarantee of one event at a time holds: each effect once, each aggregate in order, a poison entry retried and
 * parked on its own while the others apply. The relay here looks at its table only once an hour, so every event
 * reaches the consumer through the notification its transaction sends on commit (one however many events it records).
 */
@QuarkusTest
@TestProfile(EventsAppliedInBatchesTest.Together.class)
@WithTestResource(LxpTestInfrastructure.class)
class EventsAppliedInBatchesTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    public static class Together implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox-test.ledger-projection.together", "true", "lxp.events.relay.poll-interval", "1h");
        }
    }

    @Inject
    Ledger ledger;

    @Inject
    LedgerChecks checks;

    @Inject
    LedgerProjection projection;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    @Test
    void entriesThatArriveTogetherReachTheHandlerInOneCallEachAppliedOnceInOrder() {
        String aggregate = uniqueAggregate("together");
        int callsBefore = projection.calls();

        ledger.addRange(aggregate, 1, 200);
        checks.awaitApplied(aggregate, 200);

        assertThat(projection.calls() - callsBefore).isLessThan(200);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(200);
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    @Test
    void aPoisonEntryHandledTogetherIsParkedAloneAfterItsAttemptsAndTheOthersApplyOnceInOrder() {
        String aggregate = uniqueAggregate("poison-together");
        ledger.addRangeWithPoison(aggregate, 20, 8);

        checks.awaitApplied(aggregate, 20);
        await().atMost(DEADLINE).until(() -> checks.recordsOf(Ledger.TOPIC + ".dlq", aggregate).size() == 1);
        ConsumerRecord<String, byte[]> parked = checks.recordsOf(Ledger.TOPIC + ".dlq", aggregate).get(0);
        assertThat(header(parked, "lxp_dlq_attempts")).isEqualTo("3");
        assertThat(header(parked, "lxp_dlq_reason")).contains("poison entry " + aggregate + "/8");
        // Three attempts alone, and one in the call it shared with the others if the poll brought them together.
        assertThat(projection.poisonAttempts(aggregate)).isBetween(3, 4);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(19);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND sequence = 8",
                aggregate)).isZero();
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    @Test
    void entriesDeliveredAgainTogetherAreNotAppliedTwice() {
        String aggregate = uniqueAggregate("redelivered-together");
        ledger.addRange(aggregate, 1, 30);
        checks.awaitApplied(aggregate, 30);
        await().atMost(DEADLINE).until(() -> checks.unpublished(aggregate) == 0);

        // As a relay that died between the broker's acknowledgement and its UPDATE leaves it: all 30 published again
        // along with the next entry, whose notification wakes the relay.
        ledger.update("UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ?", aggregate);
        ledger.add(aggregate, 31);

        checks.awaitApplied(aggregate, 31);
        await().atMost(DEADLINE).until(() -> topics.hasConsumedEverything(LedgerProjection.CONSUMER_GROUP, Ledger.TOPIC));
        assertThat(checks.recordsOf(Ledger.TOPIC, aggregate)).hasSize(61);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(31);
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    @Test
    void anEntryDeliveredTwiceInARowIsAppliedOnce() {
        String aggregate = uniqueAggregate("twice-in-a-row");
        String entry = "{\"aggregateId\":\"%s\",\"sequence\":%d,\"poison\":false}";
        String id = UUID.randomUUID().toString();
        topics.publishCloudEvent(Ledger.TOPIC, aggregate, id, Ledger.ENTRY_ADDED, "/outbox-test", entry.formatted(aggregate, 1));
        topics.publishCloudEvent(Ledger.TOPIC, aggregate, id, Ledger.ENTRY_ADDED, "/outbox-test", entry.formatted(aggregate, 1));
        topics.publishCloudEvent(Ledger.TOPIC, aggregate, Ledger.ENTRY_ADDED, "/outbox-test", entry.formatted(aggregate, 2));

        checks.awaitApplied(aggregate, 2);
        assertThat(ledger.count("SELECT applied_count FROM applied_effect WHERE aggregate_id = ? AND sequence = 1",
                aggregate)).isEqualTo(1);
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }
}
