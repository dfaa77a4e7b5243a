package uk.org.lxp.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * entries arrive out of order, and fails on poison entries, counting the attempts outside any transaction. With
 * {@code outbox-test.ledger-projection.together} it takes a poll's entries together, as a service's handler of a busy
 * topic does: their effects in one batch of statements, whatever their number.
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
    private final AtomicInteger calls = new AtomicInteger();
    private final int members;
    private final boolean together;

    LedgerProjection(DataSource dataSource, AfterCommit afterCommit,
            @ConfigProperty(name = "outbox-test.ledger-projection.members", defaultValue = "2") int members,
            @ConfigProperty(name = "outbox-test.ledger-projection.together", defaultValue = "false") boolean together) {
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.members = members;
        this.together = together;
    }

    record EntryAdded(String aggregateId, int sequence, boolean poison) {
    }

    @Produces
    @ApplicationScoped
    EventSubscription subscription() {
        EventSubscription.Builder subscription = EventSubscription.named("ledger-projection")
                .topic(Ledger.TOPIC)
                .members(members);
        return (together ? subscription.onBatch(List.of(Ledger.ENTRY_ADDED), this::applyTogether)
                : subscription.on(Ledger.ENTRY_ADDED, this::apply)).build();
    }

    /** How many times the handler was called, with one entry or several. */
    public int calls() {
        return calls.get();
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
        calls.incrementAndGet();
        EntryAdded entry = event.dataAs(EntryAdded.class);
        failOnPoison(entry);
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

    /**
     * The entries' effects counted in memory and written in one batch, and each aggregate's progress read from
     * its row, locked, and written back once, so the out-of-order count is what one entry at a time would give.
     */
    private void applyTogether(List<ConsumedEvent> events) {
        calls.incrementAndGet();
        List<EntryAdded> entries = events.stream().map(event -> event.dataAs(EntryAdded.class)).toList();
        entries.forEach(this::failOnPoison);
        Map<EntryKey, Integer> effects = new LinkedHashMap<>();
        entries.forEach(entry -> effects.merge(new EntryKey(entry.aggregateId(), entry.sequence()), 1, Integer::sum));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Progress> progress = lockProgress(connection,
                    entries.stream().map(EntryAdded::aggregateId).distinct().toList());
            for (EntryAdded entry : entries) {
                progress.merge(entry.aggregateId(), new Progress(entry.sequence(), 0, true), Progress::then);
            }
            try (PreparedStatement effect = connection.prepareStatement("""
                         INSERT INTO applied_effect (aggregate_id, sequence, applied_count) VALUES (?, ?, ?)
                         ON CONFLICT (aggregate_id, sequence)
                         DO UPDATE SET applied_count = applied_effect.applied_count + excluded.applied_count
                         """);
                 PreparedStatement write = connection.prepareStatement("""
                         INSERT INTO projection_progress (aggregate_id, last_sequence, out_of_order) VALUES (?, ?, ?)
                         ON CONFLICT (aggregate_id)
                         DO UPDATE SET last_sequence = excluded.last_sequence, out_of_order = excluded.out_of_order
                         """)) {
                for (Map.Entry<EntryKey, Integer> applied : effects.entrySet()) {
                    effect.setString(1, applied.getKey().aggregateId());
                    effect.setInt(2, applied.getKey().sequence());
                    effect.setInt(3, applied.getValue());
                    effect.addBatch();
                }
                effect.executeBatch();
                for (Map.Entry<String, Progress> aggregate : progress.entrySet()) {
                    if (aggregate.getValue().changed()) {
                        write.setString(1, aggregate.getKey());
                        write.setInt(2, aggregate.getValue().lastSequence());
                        write.setInt(3, aggregate.getValue().outOfOrder());
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> applied = entries.stream().map(entry -> entry.aggregateId() + "/" + entry.sequence()).toList();
        afterCommit.run(() -> {
            long now = System.nanoTime();
            applied.forEach(entry -> appliedAtNanos.put(entry, now));
        });
    }

    private Map<String, Progress> lockProgress(Connection connection, List<String> aggregates) throws SQLException {
        Map<String, Progress> progress = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_id, last_sequence, out_of_order FROM projection_progress "
                        + "WHERE aggregate_id = ANY (?) FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("varchar", aggregates.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    progress.put(rows.getString(1), new Progress(rows.getInt(2), rows.getInt(3), false));
                }
            }
        }
        return progress;
    }

    private void failOnPoison(EntryAdded entry) {
        if (entry.poison() && !cured.contains(entry.aggregateId())) {
            poisonAttempts.computeIfAbsent(entry.aggregateId(), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalArgumentException("poison entry " + entry.aggregateId() + "/" + entry.sequence());
        }
    }

    private record EntryKey(String aggregateId, int sequence) {
    }

    /** An aggregate's last applied sequence and how many entries came out of order; changed once an entry applies. */
    private record Progress(int lastSequence, int outOfOrder, boolean changed) {

        /** This progress after the next entry, given as a progress of its sequence alone. */
        Progress then(Progress next) {
            int late = next.lastSequence() <= lastSequence ? 1 : 0;
            return new Progress(next.lastSequence(), outOfOrder + late, true);
        }
    }
}
