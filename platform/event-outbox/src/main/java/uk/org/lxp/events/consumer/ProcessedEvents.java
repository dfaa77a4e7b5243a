package uk.org.lxp.events.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.events.EventsConfig;

/**
 * The processed-event table: a consumer's memory of the event ids whose effect it has committed. Rows older than
 * {@code lxp.events.consumer.processed-retention} are forgotten: long after any redelivery of the same record, and
 * read models that keep only newer versions ignore a very late one anyway.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final DataSource dataSource;
    private final EventsConfig config;
    private final Clock clock;

    ProcessedEvents(DataSource dataSource, EventsConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records the events as processed in the current transaction, in one statement however many there are; returns
     * the ids that were not recorded before, which are the ones to apply.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> markProcessed(String consumer, Collection<String> eventIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO processed_event (consumer, event_id, processed_at)
                     SELECT ?, event_id, ? FROM unnest(?::varchar[]) AS event_id
                     ON CONFLICT DO NOTHING
                     RETURNING event_id
                     """)) {
            insert.setString(1, consumer);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, connection.createArrayOf("varchar", new LinkedHashSet<>(eventIds).toArray()));
            Set<String> recorded = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + eventIds.size() + " event(s) as processed", e);
        }
    }

    @Scheduled(every = "${lxp.events.consumer.purge-interval:1h}", delayed = "${lxp.events.consumer.purge-interval:1h}")
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Forgets event ids remembered for longer than the retention; says how many. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM processed_event WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.consumer().processedRetention())));
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.infof("Forgot %d processed event id(s) older than %s", purged, config.consumer().processedRetention());
            }
            return purged;
        } catch (SQLException e) {
            LOG.warnf("Could not purge processed events: %s", e.getMessage());
            return 0;
        }
    }
}
