package uk.org.lxp.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the outbox relay and the event consumers, under {@code lxp.events}. */
@ConfigMapping(prefix = "lxp.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /lxp/roles-service}. */
    String source();

    /** Prefix of the {@code dataschema} URI; the event type and schema version follow it. */
    @WithDefault("urn:lxp:schema:")
    String schemaBase();

    Relay relay();

    Consumer consumer();

    interface Relay {

        @WithDefault("true")
        boolean enabled();

        /** Rows read and published per round. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for a notification before it looks at the table anyway. */
        @WithDefault("5s")
        Duration pollInterval();

        /** How long the producer keeps retrying one record before the relay counts it as failed. */
        @WithDefault("120s")
        Duration deliveryTimeout();

        /** Published rows older than this are deleted. */
        @WithDefault("7d")
        Duration retention();

        /** How often published rows past their retention are purged. */
        @WithDefault("1h")
        Duration purgeInterval();

        /** Readiness goes DOWN while the oldest unpublished event is older than this. */
        @WithDefault("60s")
        Duration maxBacklogAge();
    }

    interface Consumer {

        @WithDefault("true")
        boolean enabled();

        /** Attempts of one record, the first included, before it is parked on the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        @WithDefault("500")
        int maxPollRecords();

        /**
         * At most this many events of a poll are applied in one transaction; 1 gives every event a transaction of
         * its own, as before batching (for a handler too heavy to share one, or to compare).
         */
        @WithDefault("500")
        int maxEventsPerTransaction();

        /** How long a consumer remembers an event id it has applied. */
        @WithDefault("30d")
        Duration processedRetention();

        /** How often remembered event ids past their retention are purged. */
        @WithDefault("1h")
        Duration purgeInterval();
    }
}
