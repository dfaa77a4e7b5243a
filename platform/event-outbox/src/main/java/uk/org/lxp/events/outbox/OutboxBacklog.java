package uk.org.lxp.events.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** How many events wait in the outbox and how long the oldest has waited; read at most once a second. */
@ApplicationScoped
public class OutboxBacklog {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last = new Snapshot(0, Duration.ZERO, Instant.EPOCH);

    OutboxBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Snapshot(long count, Duration oldestAge, Instant readAt) {
    }

    public Snapshot current() {
        Snapshot snapshot = last;
        Instant now = clock.instant();
        if (snapshot.readAt().plus(FRESHNESS).isAfter(now)) {
            return snapshot;
        }
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL")) {
            result.next();
            Timestamp oldest = result.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
            snapshot = new Snapshot(result.getLong(1), age.isNegative() ? Duration.ZERO : age, now);
            last = snapshot;
            return snapshot;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox backlog", e);
        }
    }
}
