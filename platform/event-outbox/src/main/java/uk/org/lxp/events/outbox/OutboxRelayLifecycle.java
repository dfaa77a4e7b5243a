package uk.org.lxp.events.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import uk.org.lxp.events.EventsConfig;
import uk.org.lxp.events.KafkaClients;

/** Runs this replica's relay from start-up to shutdown, unless {@code lxp.events.relay.enabled} is false. */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private final EventsConfig config;
    private final KafkaClients kafka;
    private final OutboxMetrics metrics;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private OutboxRelay relay;

    OutboxRelayLifecycle(EventsConfig config, KafkaClients kafka, OutboxMetrics metrics,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            relay = newRelay();
            relay.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
    }

    /** A relay on this service's outbox, not started; the running one competes with it for the lock. */
    public OutboxRelay newRelay() {
        var relayConfig = config.relay();
        var settings = new OutboxRelay.Settings(config.source(), relayConfig.batchSize(), relayConfig.pollInterval(),
                relayConfig.retention(), relayConfig.purgeInterval());
        int deliveryTimeout = (int) relayConfig.deliveryTimeout().toMillis();
        return new OutboxRelay(this::openDedicatedConnection,
                () -> kafka.reliableProducer("outbox-relay", deliveryTimeout), settings, metrics);
    }

    public Optional<OutboxRelay> running() {
        return Optional.ofNullable(relay);
    }

    /**
     * Outside the pool on purpose: the advisory lock lives as long as the session, and a pooled connection's
     * session outlives its close.
     */
    private Connection openDedicatedConnection() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "outbox-relay");
        properties.setProperty("tcpKeepAlive", "true");
        try {
            Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
            if (connection == null) {
                throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox relay could not connect to the database", e);
        }
    }
}
