package uk.org.lxp.events;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;

/** What the library's tests read back about a ledger aggregate: its effects, its outbox rows and its records. */
@ApplicationScoped
class LedgerChecks {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final Ledger ledger;
    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());

    LedgerChecks(Ledger ledger) {
        this.ledger = ledger;
    }

    static String uniqueAggregate(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    void awaitApplied(String aggregate, int sequence) {
        await().atMost(DEADLINE).until(() -> ledger.count(
                "SELECT count(*) FROM applied_effect WHERE aggregate_id = ? AND sequence = ?", aggregate, sequence) == 1);
    }

    long unpublished(String aggregate) {
        return ledger.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND published_at IS NULL", aggregate);
    }

    long outOfOrder(String aggregate) {
        return ledger.count("SELECT coalesce(sum(out_of_order), 0) FROM projection_progress WHERE aggregate_id = ?",
                aggregate);
    }

    List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String aggregate) {
        return topics.readAll(topic).stream().filter(record -> aggregate.equals(record.key())).toList();
    }
}
