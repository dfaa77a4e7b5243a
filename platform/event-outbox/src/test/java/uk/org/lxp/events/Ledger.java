package uk.org.lxp.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;

/** The test application's aggregate: each write is a ledger entry and its event, in one transaction. */
@ApplicationScoped
public class Ledger {

    public static final String TOPIC = "lxp.test.ledger.v1";
    public static final String ENTRY_ADDED = "lxp.test.LedgerEntryAdded";

    private final DataSource dataSource;
    private final Outbox outbox;

    Ledger(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Transactional
    public void add(String aggregateId, int sequence) {
        add(aggregateId, sequence, false);
    }

    /** Several consecutive entries of one aggregate in one transaction. */
    @Transactional
    public void addRange(String aggregateId, int firstSequence, int count) {
        for (int sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            add(aggregateId, sequence, false);
        }
    }

    /** Consecutive entries of one aggregate in one transaction, one of them poison. */
    @Transactional
    public void addRangeWithPoison(String aggregateId, int count, int poisonSequence) {
        for (int sequence = 1; sequence <= count; sequence++) {
            add(aggregateId, sequence, sequence == poisonSequence);
        }
    }

    /** An entry whose event every consumer attempt fails on. */
    @Transactional
    public void addPoison(String aggregateId, int sequence) {
        add(aggregateId, sequence, true);
    }

    @Transactional
    public void addThenFail(String aggregateId, int sequence) {
        add(aggregateId, sequence, false);
        throw new IllegalStateException("the business rule failed after the event was recorded");
    }

    private void add(String aggregateId, int sequence, boolean poison) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ledger_entry (aggregate_id, sequence) VALUES (?, ?)")) {
            insert.setString(1, aggregateId);
            insert.setInt(2, sequence);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        outbox.record(new OutboxEvent("ledger", aggregateId, ENTRY_ADDED, TOPIC,
                Map.of("aggregateId", aggregateId, "sequence", sequence, "poison", poison)));
    }

    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
