package uk.org.lxp.events.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Audit;
import uk.org.lxp.events.CloudEventHeaders;
import uk.org.lxp.events.KafkaClients;

/**
 * What this service's consumers parked on dead-letter topics, and replaying it once the cause is fixed. Parked
 * records stay on their {@code .dlq} topic; what became of each replay is kept in {@code dead_letter_replay}. A
 * replay goes through the consumer's own handler and processed-event check, so it never applies an effect twice,
 * and it works the same in production as under {@code ./lxp}: any replica can serve it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    @Schema(name = "DeadLetterReplayResult")
    public enum Result { APPLIED, ALREADY_APPLIED, SKIPPED, FAILED }

    /** What one replay came to. */
    public record Outcome(Result result, String detail) {

        static Outcome applied() {
            return new Outcome(Result.APPLIED, null);
        }

        static Outcome alreadyApplied() {
            return new Outcome(Result.ALREADY_APPLIED, "Its effect was committed before; nothing was applied again");
        }

        static Outcome skipped(String why) {
            return new Outcome(Result.SKIPPED, why);
        }

        static Outcome failed(String why) {
            return new Outcome(Result.FAILED, why);
        }
    }

    /** The last replay of a parked record. */
    @Schema(name = "DeadLetterReplay")
    public record Replay(Result result, String detail, String replayedBy, Instant replayedAt) {
    }

    /**
     * A parked record, described without its data (which may name people): where it came from, which event it is,
     * why it was parked, and its last replay if any. {@code id} is {@code <dlq topic>:<partition>:<offset>}.
     */
    @Schema(name = "DeadLetter")
    public record DeadLetter(String id, String consumer, String originalTopic, int originalPartition,
            long originalOffset, String eventId, String eventType, String subject, Instant parkedAt, String reason,
            int attempts, Replay lastReplay) {

        @Schema(hidden = true)
        public boolean dealtWith() {
            return lastReplay != null && (lastReplay.result() == Result.APPLIED
                    || lastReplay.result() == Result.ALREADY_APPLIED || lastReplay.result() == Result.SKIPPED);
        }
    }

    @Schema(name = "DeadLetterReplayed")
    public record Replayed(String id, Result result, String detail) {
    }

    private final EventConsumers consumers;
    private final KafkaClients kafka;
    private final DataSource dataSource;
    private final Audit audit;
    private final Clock clock;

    DeadLetters(EventConsumers consumers, KafkaClients kafka, DataSource dataSource, Audit audit, Clock clock) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every record this service's consumers parked, oldest first. */
    public List<DeadLetter> list() {
        Map<String, Replay> replays = replays();
        return parked().stream().map(record -> describe(record, replays.get(id(record)))).toList();
    }

    /** Replays the parked records with these ids; an id that names none is reported as FAILED. */
    public List<Replayed> replay(Collection<String> ids, String replayedBy) {
        Map<String, ConsumerRecord<String, byte[]>> byId = new HashMap<>();
        parked().forEach(record -> byId.put(id(record), record));
        List<Replayed> results = new ArrayList<>();
        for (String id : ids) {
            ConsumerRecord<String, byte[]> record = byId.get(id);
            results.add(record == null ? new Replayed(id, Result.FAILED, "No parked record of this service has this id")
                    : replay(record, replayedBy));
        }
        return results;
    }

    /** Replays every record of one consumer that no replay has dealt with yet. */
    public List<Replayed> replayAll(String consumer, String replayedBy) {
        return replay(list().stream().filter(letter -> letter.consumer().equals(consumer) && !letter.dealtWith())
                .map(DeadLetter::id).toList(), replayedBy);
    }

    private Replayed replay(ConsumerRecord<String, byte[]> record, String replayedBy) {
        String consumer = header(record, EventConsumer.DLQ_CONSUMER).orElse("");
        Outcome outcome = consumers.named(consumer).map(running -> running.replay(record))
                .orElse(Outcome.failed("Consumer " + consumer + " is not running in this service"));
        String id = id(record);
        QuarkusTransaction.requiringNew().run(() -> {
            remember(id, record, consumer, outcome, replayedBy);
            audit.record("dead-letter.replayed", "dead-letter", id,
                    Map.of("consumer", consumer, "result", outcome.result().name()));
        });
        return new Replayed(id, outcome.result(), outcome.detail());
    }

    /** Records parked by this service's own consumers (a dead-letter topic is shared by every reader of its topic). */
    private List<ConsumerRecord<String, byte[]>> parked() {
        Set<String> ours = consumers.groups();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = kafka.reader("dead-letters")) {
            for (String topic : consumers.topics()) {
                readAll(reader, topic + EventConsumer.DLQ_SUFFIX).stream()
                        .filter(record -> header(record, EventConsumer.DLQ_CONSUMER).filter(ours::contains).isPresent())
                        .forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> reader, String topic) {
        List<PartitionInfo> partitions = reader.partitionsFor(topic, READ_LIMIT);
        if (partitions == null || partitions.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        reader.assign(assigned);
        reader.seekToBeginning(assigned);
        Map<TopicPartition, Long> ends = reader.endOffsets(assigned, READ_LIMIT);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(READ_LIMIT);
        while (assigned.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_LIMIT);
            }
            reader.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record, Replay replay) {
        return new DeadLetter(id(record), header(record, EventConsumer.DLQ_CONSUMER).orElse(null),
                header(record, EventConsumer.DLQ_ORIGINAL_TOPIC).orElse(null),
                header(record, EventConsumer.DLQ_ORIGINAL_PARTITION).map(Integer::parseInt).orElse(-1),
                header(record, EventConsumer.DLQ_ORIGINAL_OFFSET).map(Long::parseLong).orElse(-1L),
                header(record, CloudEventHeaders.ID).orElse(null), header(record, CloudEventHeaders.TYPE).orElse(null),
                header(record, CloudEventHeaders.SUBJECT).orElse(null), Instant.ofEpochMilli(record.timestamp()),
                header(record, EventConsumer.DLQ_REASON).orElse(null),
                header(record, EventConsumer.DLQ_ATTEMPTS).map(Integer::parseInt).orElse(0), replay);
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.get(record.headers(), name);
    }

    private Map<String, Replay> replays() {
        Map<String, Replay> replays = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT dlq_topic, partition, "offset", outcome, detail, replayed_by, replayed_at FROM dead_letter_replay
                     """);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                replays.put(rows.getString(1) + ":" + rows.getInt(2) + ":" + rows.getLong(3), new Replay(
                        Result.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                        rows.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the replays of dead letters", e);
        }
        return replays;
    }

    private void remember(String id, ConsumerRecord<String, byte[]> record, String consumer, Outcome outcome,
            String replayedBy) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO dead_letter_replay (dlq_topic, partition, "offset", consumer, event_id, outcome, detail,
                                                     replayed_by, replayed_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (dlq_topic, partition, "offset") DO UPDATE SET outcome = excluded.outcome,
                         detail = excluded.detail, replayed_by = excluded.replayed_by, replayed_at = excluded.replayed_at
                     """)) {
            upsert.setString(1, record.topic());
            upsert.setInt(2, record.partition());
            upsert.setLong(3, record.offset());
            upsert.setString(4, consumer);
            upsert.setString(5, header(record, CloudEventHeaders.ID).orElse(null));
            upsert.setString(6, outcome.result().name());
            upsert.setString(7, outcome.detail());
            upsert.setString(8, replayedBy);
            upsert.setTimestamp(9, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the replay of " + id, e);
        }
    }
}
