package uk.org.lxp.events.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The processed-event table: a consumer's memory of the event ids whose effect it has committed. */
@ApplicationScoped
public class ProcessedEvents {

    private final DataSource dataSource;

    ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event as processed in the current transaction; false if it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, String eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)
                     ON CONFLICT DO NOTHING
                     """)) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " as processed", e);
        }
    }
}
