package uk.org.lxp.events.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import uk.org.lxp.api.BeforeCommit;
import uk.org.lxp.events.EventsConfig;

/**
 * Records events in the service's own outbox table inside the caller's transaction, so an event exists if and
 * only if the change it describes was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    static final String NOTIFY_CHANNEL = "lxp_outbox";

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, topic, data_schema,
                                      payload, traceparent, created_at, attempts)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0)
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final BeforeCommit beforeCommit;
    private final Clock clock;

    Outbox(DataSource dataSource, ObjectMapper json, EventsConfig config, BeforeCommit beforeCommit) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.beforeCommit = beforeCommit;
        this.clock = Clock.systemUTC();
    }

    /**
     * Adds the event to the current transaction and returns its id (the CloudEvents {@code id}).
     * There must be a transaction: an event recorded outside one could outlive a rolled-back change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(OutboxEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    /** Adds many events to the current transaction in one batch, in the order given; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<OutboxEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        String traceparent = currentTraceparent();
        Timestamp now = Timestamp.from(clock.instant());
        // Within a JTA transaction Agroal hands out the connection already enlisted in it, the one Hibernate uses.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxEvent event : events) {
                UUID eventId = UUID.randomUUID();
                insert.setObject(1, eventId);
                insert.setString(2, event.aggregateType());
                insert.setString(3, event.aggregateId());
                insert.setString(4, event.type());
                insert.setString(5, event.topic());
                insert.setString(6, config.schemaBase() + event.type());
                insert.setString(7, json.writeValueAsString(event.data()));
                insert.setString(8, traceparent);
                insert.setTimestamp(9, now);
                insert.addBatch();
                ids.add(eventId);
            }
            insert.executeBatch();
            // A transaction recording events one call at a time would otherwise send a notification for each.
            beforeCommit.gather("outbox relay wake-up", NOTIFY_CHANNEL, channels -> wakeRelay());
            return ids;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record events in the outbox", e);
        }
    }

    /** Delivered only on commit: it wakes the relay at once instead of at its next poll. */
    private void wakeRelay() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + NOTIFY_CHANNEL + "', '')")) {
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not wake the outbox relay", e);
        }
    }

    private static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
