package uk.org.lxp.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.org.lxp.api.AfterCommit;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;

/**
 * The consumer under test, with two members of its group unless {@code outbox-test.ledger-projection.members} says
 * otherwise (the benchmark compares one). It counts how often each entry's effect is applied and how often an aggregate's
 * entries arrive out of order, and fails on poison entries, counting the attempts outside any transaction.
 */
@ApplicationScoped
public class LedgerProjection {

    public static final String CONSUMER_GROUP = "outbox-test.ledger-projection";

    private final DataSource dataSource;
    private final AfterCommit afterCommit;
    private final Map<String, AtomicInteger> poisonAttempts = new ConcurrentHashMap<>();
    private final Set<String> cured = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> appliedAtNanos = new ConcurrentHashMap<>();
    private final Map<String, String> appliedInTrace = new ConcurrentHashMap<>();
    private final int members;

    LedgerProjection(DataSource dataSource, AfterCommit afterCommit,
            @ConfigProperty(name = "outbox-test.ledger-projection.members", defaultValue = "2") int members) {
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.members = members;
    }

    record EntryAdded(String aggregateId, int sequence, boolean poison) {
    }

    @Produces
    @ApplicationScoped
    EventSubscription subscription() {
        return EventSubscription.named("ledger-projection")
                .topic(Ledger.TOPIC)
                .members(members)
                .on(Ledger.ENTRY_ADDED, this::apply)
                .build();
    }

    /** When the consumer committed the entry's effect, on this JVM's monotonic clock; for the latency benchmark. */
    public Long appliedAtNanos(String aggregateId, int sequence) {
        return appliedAtNanos.get(aggregateId + "/" + sequence);
    }

    /** The trace the handler ran in when it applied the entry. */
    public String appliedInTrace(String aggregateId, int sequence) {
        return appliedInTrace.get(aggregateId + "/" + sequence);
    }

    /** From now on the aggregate's poison entries apply like any other: the fix an operator deploys before a replay. */
    public void cure(String aggregateId) {
        cured.add(aggregateId);
    }

    public int poisonAttempts(String aggregateId) {
        return poisonAttempts.getOrDefault(aggregateId, new AtomicInteger()).get();
    }

    private void apply(ConsumedEvent event) {
        EntryAdded entry = event.dataAs(EntryAdded.class);
        if (entry.poison() && !cured.contains(entry.aggregateId())) {
            poisonAttempts.computeIfAbsent(entry.aggregateId(), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalArgumentException("poison entry " + entry.aggregateId() + "/" + entry.sequence());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement effect = connection.prepareStatement("""
                     INSERT INTO applied_effect (aggregate_id, sequence, applied_count) VALUES (?, ?, 1)
                     ON CONFLICT (aggregate_id, sequence) DO UPDATE SET applied_count = applied_effect.applied_count + 1
                     """);
             PreparedStatement progress = connection.prepareStatement("""
                     INSERT INTO projection_progress (aggregate_id, last_sequence, out_of_order) VALUES (?, ?, 0)
                     ON CONFLICT (aggregate_id) DO UPDATE SET
                         out_of_order = projection_progress.out_of_order
                             + CASE WHEN excluded.last_sequence <= projection_progress.last_sequence THEN 1 ELSE 0 END,
                         last_sequence = excluded.last_sequence
                     """)) {
            effect.setString(1, entry.aggregateId());
            effect.setInt(2, entry.sequence());
            effect.executeUpdate();
            progress.setString(1, entry.aggregateId());
            progress.setInt(2, entry.sequence());
            progress.executeUpdate();
            // The effect is there for readers from the consumer's commit, which is later when events are applied together.
            String applied = entry.aggregateId() + "/" + entry.sequence();
            afterCommit.run(() -> appliedAtNanos.put(applied, System.nanoTime()));
            appliedInTrace.put(entry.aggregateId() + "/" + entry.sequence(),
                    io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
