package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.org.lxp.events.LedgerChecks.header;
import static uk.org.lxp.events.LedgerChecks.uniqueAggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.events.outbox.OutboxRelay;
import uk.org.lxp.events.outbox.OutboxRelayLifecycle;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OutboxIntegrationTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Inject
    Ledger ledger;

    @Inject
    LedgerChecks checks;

    @Inject
    LedgerProjection projection;

    @Inject
    OutboxRelayLifecycle relays;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    Tracer tracer;

    @Inject
    MeterRegistry meters;

    @Inject
    KafkaClients kafkaClients;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    @Test
    void rolledBackTransactionPublishesNothing() {
        String aggregate = uniqueAggregate("rollback");

        assertThatThrownBy(() -> ledger.addThenFail(aggregate, 1)).isInstanceOf(IllegalStateException.class);
        ledger.add(aggregate, 2);

        checks.awaitApplied(aggregate, 2);
        assertThat(ledger.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", aggregate)).isEqualTo(1);
        assertThat(checks.recordsOf(Ledger.TOPIC, aggregate)).extracting(this::sequenceOf).containsExactly(2);
    }

    @Test
    void eventsCarryTheCloudEventsEnvelopeKeyedByAggregate() {
        String aggregate = uniqueAggregate("envelope");
        ledger.add(aggregate, 1);
        checks.awaitApplied(aggregate, 1);

        ConsumerRecord<String, byte[]> record = checks.recordsOf(Ledger.TOPIC, aggregate).get(0);
        assertThat(record.key()).isEqualTo(aggregate);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(Ledger.ENTRY_ADDED);
        assertThat(header(record, "ce_source")).isEqualTo("/lxp/outbox-test");
        assertThat(header(record, "ce_subject")).isEqualTo(aggregate);
        assertThat(header(record, "ce_dataschema")).isEqualTo("urn:lxp:schema:" + Ledger.ENTRY_ADDED);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(java.time.Instant.parse(header(record, "ce_time"))).isNotNull();
        assertThat(sequenceOf(record)).isEqualTo(1);
    }

    @Test
    void theWritersTraceContinuesThroughTheBrokerIntoTheConsumer() {
        String aggregate = uniqueAggregate("trace");
        Span writer = tracer.spanBuilder("write ledger entry").startSpan();
        try (Scope inTrace = writer.makeCurrent()) {
            ledger.add(aggregate, 1);
        } finally {
            writer.end();
        }
        checks.awaitApplied(aggregate, 1);

        String traceId = writer.getSpanContext().getTraceId();
        assertThat(header(checks.recordsOf(Ledger.TOPIC, aggregate).get(0), "traceparent")).startsWith("00-" + traceId + "-");
        assertThat(projection.appliedInTrace(aggregate, 1)).isEqualTo(traceId);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        String aggregate = uniqueAggregate("poison");
        ledger.addPoison(aggregate, 1);
        ledger.add(aggregate, 2);
        ledger.add(aggregate, 3);

        checks.awaitApplied(aggregate, 2);
        assertThat(projection.poisonAttempts(aggregate)).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> parked = checks.recordsOf(Ledger.TOPIC + ".dlq", aggregate);
        assertThat(parked).hasSize(1);
        ConsumerRecord<String, byte[]> dead = parked.get(0);
        assertThat(header(dead, "lxp_dlq_attempts")).isEqualTo("3");
        assertThat(header(dead, "lxp_dlq_reason")).contains("poison entry " + aggregate + "/1");
        assertThat(header(dead, "lxp_dlq_consumer")).isEqualTo(LedgerProjection.CONSUMER_GROUP);
        assertThat(header(dead, "lxp_dlq_original_topic")).isEqualTo(Ledger.TOPIC);
        assertThat(header(dead, "ce_type")).isEqualTo(Ledger.ENTRY_ADDED);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND sequence = 1",
                aggregate)).isZero();
    }

    @Test
    void aPoisonEventAmongEventsAppliedTogetherIsParkedAloneAndTheOthersApplyOnceInOrder() {
        String aggregate = uniqueAggregate("poison-among-many");
        ledger.addRangeWithPoison(aggregate, 20, 8);

        checks.awaitApplied(aggregate, 20);
        await().atMost(DEADLINE).until(() -> checks.recordsOf(Ledger.TOPIC + ".dlq", aggregate).size() == 1);
        assertThat(projection.poisonAttempts(aggregate)).isEqualTo(3);
        assertThat(header(checks.recordsOf(Ledger.TOPIC + ".dlq", aggregate).get(0), "lxp_dlq_attempts")).isEqualTo("3");
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(19);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND sequence = 8",
                aggregate)).isZero();
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    @Test
    void eventsThatArriveTogetherAreAppliedInFewerTransactionsThanEvents() {
        String aggregate = uniqueAggregate("together");
        DistributionSummary transactions = meters.summary("lxp.consumer.transaction.events",
                "consumer", LedgerProjection.CONSUMER_GROUP);
        long transactionsBefore = transactions.count();
        double eventsBefore = transactions.totalAmount();

        ledger.addRange(aggregate, 1, 200);
        checks.awaitApplied(aggregate, 200);

        assertThat(transactions.totalAmount() - eventsBefore).isGreaterThanOrEqualTo(200);
        assertThat(transactions.count() - transactionsBefore).isLessThan(200);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(200);
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    /**
     * The subscription runs two members of its group ({@code members(2)}): once the group has settled, each
     * holds some of the topic's partitions and together all of them, and events of many aggregates, spread over
     * the partitions, are each applied once and in their aggregate's order.
     */
    @Test
    void theSubscriptionsMembersShareTheTopicsPartitionsAndEachAggregateStaysInOrder() {
        Set<TopicPartition> partitions = topics.partitions(Ledger.TOPIC);
        assertThat(partitions).hasSizeGreaterThan(1);
        awaitEveryPartitionHeldBy(2, partitions);

        String prefix = uniqueAggregate("shared");
        int aggregates = 12;
        for (int aggregate = 0; aggregate < aggregates; aggregate++) {
            ledger.addRange(prefix + "-" + aggregate, 1, 50);
        }
        for (int aggregate = 0; aggregate < aggregates; aggregate++) {
            checks.awaitApplied(prefix + "-" + aggregate, 50);
        }

        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ? AND applied_count = 1",
                prefix + "-%")).isEqualTo(aggregates * 50);
        assertThat(ledger.count("SELECT coalesce(sum(out_of_order), 0) FROM projection_progress WHERE aggregate_id LIKE ?",
                prefix + "-%")).isZero();
    }

    /**
     * An instance joining the group takes its share of the partitions from the members already running, and they
     * give up only that share: the rest they keep applying through the rebalance (Kafka's default assignor would
     * have revoked every partition from both first), without a member failing on an offset commit the rebalance
     * holds up. Events written meanwhile are each applied once; once the newcomer leaves, its partitions go back.
     */
    @Test
    void aMemberJoiningTheGroupTakesOnlyThePartitionsThatMoveToIt() {
        Set<TopicPartition> partitions = topics.partitions(Ledger.TOPIC);
        assertThat(partitions).as("three members need three partitions to share").hasSizeGreaterThanOrEqualTo(3);
        awaitEveryPartitionHeldBy(2, partitions);
        await().atMost(DEADLINE).until(() -> topics.hasConsumedEverything(LedgerProjection.CONSUMER_GROUP, Ledger.TOPIC));
        double revokedBefore = consumerCount("lxp.consumer.partitions.revoked");
        double restartsBefore = consumerCount("lxp.consumer.restarts");
        String prefix = uniqueAggregate("rebalance");
        int aggregates = 6;

        AtomicInteger written = new AtomicInteger();
        try (KafkaConsumer<String, byte[]> newcomer = kafkaClients.consumer(LedgerProjection.CONSUMER_GROUP,
                "another-instance", 10)) {
            newcomer.subscribe(List.of(Ledger.TOPIC));
            await().atMost(DEADLINE).pollInSameThread().until(() -> {
                int round = written.incrementAndGet();
                for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                    ledger.add(prefix + "-" + aggregate, round);
                }
                newcomer.poll(Duration.ofMillis(100));
                return !newcomer.assignment().isEmpty() && everyPartitionHeldBy(3, partitions);
            });
            Set<TopicPartition> taken = newcomer.assignment();

            assertThat(consumerCount("lxp.consumer.partitions.revoked") - revokedBefore).isEqualTo(taken.size());
            int round = written.incrementAndGet();
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                ledger.add(prefix + "-" + aggregate, round);
            }
        }
        // What the newcomer read it never applied or committed: the members apply it once the partitions are back.
        awaitEveryPartitionHeldBy(2, partitions);
        for (int aggregate = 0; aggregate < aggregates; aggregate++) {
            checks.awaitApplied(prefix + "-" + aggregate, written.get());
        }

        assertThat(consumerCount("lxp.consumer.restarts") - restartsBefore).isZero();
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ? AND applied_count = 1",
                prefix + "-%")).isEqualTo(ledger.count("SELECT count(*) FROM ledger_entry WHERE aggregate_id LIKE ?",
                prefix + "-%"));
        assertThat(ledger.count("SELECT coalesce(sum(out_of_order), 0) FROM projection_progress WHERE aggregate_id LIKE ?",
                prefix + "-%")).isZero();
    }

    @Test
    void relayThatDiesBetweenPublishingAndMarkingPublishesTwiceAndTheEffectHappensOnce() {
        String aggregate = uniqueAggregate("redelivery");
        ledger.addRange(aggregate, 1, 5);
        checks.awaitApplied(aggregate, 5);
        await().atMost(DEADLINE).until(() -> checks.unpublished(aggregate) == 0);

        // A relay that dies after the broker acknowledged the batch but before its UPDATE leaves exactly this.
        // No NOTIFY comes with it, so the relay's polling fallback has to find the rows.
        ledger.update("UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ?", aggregate);

        await().atMost(DEADLINE).until(() -> checks.unpublished(aggregate) == 0);
        await().atMost(DEADLINE).until(() -> topics.hasConsumedEverything(LedgerProjection.CONSUMER_GROUP, Ledger.TOPIC));
        assertThat(checks.recordsOf(Ledger.TOPIC, aggregate)).hasSize(10);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND applied_count = 1",
                aggregate)).isEqualTo(5);
        assertThat(checks.outOfOrder(aggregate)).isZero();
    }

    @Test
    void twoRelaysOnOneOutboxNeverPublishAnAggregateOutOfOrder() throws Exception {
        String prefix = uniqueAggregate("two-relays");
        OutboxRelay running = relays.running().orElseThrow();
        OutboxRelay second = relays.newRelay();
        second.start();
        try {
            int aggregates = 20;
            int perAggregate = 50;
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                String aggregate = prefix + "-" + a;
                writes.add(writers.submit(() -> {
                    for (int sequence = 1; sequence <= perAggregate; sequence++) {
                        ledger.add(aggregate, sequence);
                    }
                }));
            }
            // Part-way through, the publishing relay goes away and the other one must take over.
            await().atMost(DEADLINE).until(() -> ledger.count(
                    "SELECT count(*) FROM ledger_entry WHERE aggregate_id LIKE ?", prefix + "-%") > 300);
            assertThat(running.isLeader() ^ second.isLeader()).isTrue();
            OutboxRelay leader = running.isLeader() ? running : second;
            leader.stop();
            for (Future<?> write : writes) {
                write.get();
            }
            writers.shutdown();
            leader.start();

            for (int a = 0; a < aggregates; a++) {
                checks.awaitApplied(prefix + "-" + a, perAggregate);
            }
            assertThat(running.isLeader() && second.isLeader()).isFalse();
            for (int a = 0; a < aggregates; a++) {
                String aggregate = prefix + "-" + a;
                assertThat(checks.outOfOrder(aggregate)).as("out-of-order deliveries of %s", aggregate).isZero();
                assertThat(checks.recordsOf(Ledger.TOPIC, aggregate)).extracting(this::sequenceOf)
                        .as("publication order of %s", aggregate).isSorted();
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void tenThousandEventsSurviveABrokerRestartInOrderAndExactlyOnce() throws Exception {
        String prefix = uniqueAggregate("restart");
        int aggregates = 100;
        int perAggregate = 100;
        int perTransaction = 10;
        KafkaTestBroker broker = KafkaTestBroker.shared();
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> writes = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            String aggregate = prefix + "-" + a;
            writes.add(writers.submit(() -> {
                for (int first = 1; first <= perAggregate; first += perTransaction) {
                    ledger.addRange(aggregate, first, perTransaction);
                    written.addAndGet(perTransaction);
                }
            }));
        }
        try {
            await().atMost(DEADLINE).until(() -> written.get() >= 3_000);
            broker.stop();
            await().atMost(DEADLINE).until(() -> written.get() >= 6_000);
            broker.start();
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdown();
            broker.start();
        }

        await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> ledger.count(
                "SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ?", prefix + "-%") == 10_000);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ? AND applied_count <> 1",
                prefix + "-%")).as("effects applied more than once").isZero();
        assertThat(ledger.count("SELECT coalesce(sum(out_of_order), 0) FROM projection_progress WHERE aggregate_id LIKE ?",
                prefix + "-%")).as("events applied out of order").isZero();
        assertThat(ledger.count("SELECT count(*) FROM projection_progress WHERE aggregate_id LIKE ? AND last_sequence = ?",
                prefix + "-%", perAggregate)).isEqualTo(aggregates);
    }

    private int sequenceOf(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value()).get("sequence").asInt();
        } catch (java.io.IOException e) {
            throw new AssertionError("Record value is not JSON", e);
        }
    }

    private void awaitEveryPartitionHeldBy(int members, Set<TopicPartition> partitions) {
        await().atMost(DEADLINE).until(() -> everyPartitionHeldBy(members, partitions));
    }

    /** The group has this many members, each holding some of the partitions, and together each partition once. */
    private boolean everyPartitionHeldBy(int members, Set<TopicPartition> partitions) {
        Map<String, Set<TopicPartition>> held = topics.assignments(LedgerProjection.CONSUMER_GROUP);
        return held.size() == members
                && held.values().stream().noneMatch(Set::isEmpty)
                && held.values().stream().mapToInt(Set::size).sum() == partitions.size()
                && held.values().stream().flatMap(Set::stream).collect(Collectors.toSet()).equals(partitions);
    }

    private double consumerCount(String counter) {
        return meters.counter(counter, "consumer", LedgerProjection.CONSUMER_GROUP).count();
    }
}
