package uk.org.lxp.events.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import uk.org.lxp.events.CloudEventHeaders;

/**
 * Publishes committed outbox rows to Kafka in the order they were written and marks them published.
 *
 * <p>Any number of relays may run against one outbox; a PostgreSQL advisory lock makes exactly one of them the
 * publisher, and another takes over within a poll interval when it goes. The lock, the LISTEN and every query
 * of the publisher share one dedicated connection: a relay whose connection (and so whose lock) is gone cannot
 * mark anything either.
 *
 * <p>Delivery is at least once: a relay that dies between sending and marking sends those rows again, and
 * consumers drop the duplicates by event id.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** One outbox per database, so one lock key for all of them: "LXPOUTBX". */
    static final long LOCK_KEY = 0x4C58504F55544258L;

    private static final Duration NOTIFICATION_SLICE = Duration.ofMillis(250);
    private static final int PURGE_CHUNK = 10_000;

    private static final String SELECT_UNPUBLISHED = """
            SELECT id, event_id, aggregate_id, event_type, topic, data_schema, payload::text, traceparent, created_at
            FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?
            """;

    private final Supplier<Connection> connections;
    private final Supplier<KafkaProducer<String, byte[]>> producers;
    private final Settings settings;
    private final OutboxMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    private volatile boolean running;
    private volatile boolean leader;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Instant nextPurge = Instant.EPOCH;

    /**
     * @param connections opens a dedicated, unpooled connection: closing it must end the session and its lock
     * @param producers creates an idempotent producer; a fresh one replaces a producer that saw a failure
     */
    public OutboxRelay(Supplier<Connection> connections, Supplier<KafkaProducer<String, byte[]>> producers,
            Settings settings, OutboxMetrics metrics) {
        this.connections = connections;
        this.producers = producers;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** What the relay needs to know of the configuration. */
    public record Settings(String source, int batchSize, Duration pollInterval, Duration retention,
            Duration purgeInterval) {
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the round in progress; the lock is released with the connection. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(settings.pollInterval().plusSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        closeProducer();
    }

    public boolean isLeader() {
        return leader;
    }

    private void run() {
        while (running) {
            try (Connection connection = connections.get()) {
                connection.setAutoCommit(true);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + Outbox.NOTIFY_CHANNEL);
                }
                while (running) {
                    if (!leader) {
                        leader = tryLock(connection);
                    }
                    if (leader) {
                        publishAll(connection);
                        purgeIfDue(connection);
                    }
                    awaitNotification(notifications);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Outbox relay lost its connection or failed (%s); retrying in %s", e, settings.pollInterval());
                closeProducer();
                pause(settings.pollInterval());
            } finally {
                leader = false;
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private void publishAll(Connection connection) throws SQLException {
        while (running && publishBatch(connection) == settings.batchSize()) {
            // A full batch means there may be more; an empty or partial one means the outbox is drained.
        }
    }

    /** Publishes up to one batch; returns the number of rows published, or -1 after a failure. */
    int publishBatch(Connection connection) throws SQLException {
        List<OutboxRow> rows = readUnpublished(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        for (OutboxRow row : rows) {
            try {
                sends.add(kafka.send(toRecord(row)));
            } catch (RuntimeException e) {
                sendFailure = e;
                break;
            }
        }
        kafka.flush();
        List<Long> published = new ArrayList<>(rows.size());
        List<Long> failed = new ArrayList<>();
        String error = sendFailure == null ? null : sendFailure.toString();
        for (int i = 0; i < rows.size(); i++) {
            if (i < sends.size() && succeeded(sends.get(i))) {
                published.add(rows.get(i).id());
            } else {
                failed.add(rows.get(i).id());
                if (error == null && i < sends.size()) {
                    error = failureOf(sends.get(i));
                }
            }
        }
        markPublished(connection, published);
        metrics.published(published.size());
        if (!failed.isEmpty()) {
            markFailed(connection, failed, error);
            metrics.failed(failed.size());
            LOG.warnf("Outbox relay could not publish %d event(s): %s", failed.size(), error);
            // An idempotent producer that has seen a failure may refuse later sends; start afresh next round.
            closeProducer();
            return -1;
        }
        return published.size();
    }

    private List<OutboxRow> readUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_UNPUBLISHED)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet result = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8), result.getTimestamp(9).toInstant()));
                }
                return rows;
            }
        }
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.aggregateId(),
                row.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var headers = record.headers();
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, row.eventId());
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, row.eventType());
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, settings.source());
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, row.aggregateId());
        CloudEventHeaders.put(headers, CloudEventHeaders.TIME, row.createdAt().toString());
        CloudEventHeaders.put(headers, CloudEventHeaders.DATA_SCHEMA, row.dataSchema());
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        CloudEventHeaders.put(headers, CloudEventHeaders.TRACEPARENT, row.traceparent());
        return record;
    }

    private static boolean succeeded(Future<RecordMetadata> send) {
        try {
            send.get(0, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String failureOf(Future<RecordMetadata> send) {
        try {
            send.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return "not acknowledged";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = ?, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ANY (?)")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setArray(2, idArray(connection, ids));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, List<Long> ids, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
            update.setString(1, error);
            update.setArray(2, idArray(connection, ids));
            update.executeUpdate();
        }
    }

    private static Array idArray(Connection connection, List<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray());
    }

    private void purgeIfDue(Connection connection) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(settings.purgeInterval());
        Timestamp cutoff = Timestamp.from(now.minus(settings.retention()));
        try (PreparedStatement purge = connection.prepareStatement("""
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE published_at < ? ORDER BY id LIMIT ?)
                """)) {
            purge.setTimestamp(1, cutoff);
            purge.setInt(2, PURGE_CHUNK);
            while (running && purge.executeUpdate() == PURGE_CHUNK) {
                // Chunked so that a large backlog never holds one long transaction.
            }
        }
    }

    /** Waits for a NOTIFY from a committing writer, or the poll interval at most, waking early on stop. */
    private void awaitNotification(PGConnection connection) throws SQLException {
        Instant deadline = clock.instant().plus(settings.pollInterval());
        while (running && clock.instant().isBefore(deadline)) {
            var received = connection.getNotifications((int) NOTIFICATION_SLICE.toMillis());
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void pause(Duration duration) {
        Instant until = clock.instant().plus(duration);
        while (running && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(NOTIFICATION_SLICE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record OutboxRow(long id, String eventId, String aggregateId, String eventType, String topic,
            String dataSchema, String payload, String traceparent, Instant createdAt) {
    }
}
