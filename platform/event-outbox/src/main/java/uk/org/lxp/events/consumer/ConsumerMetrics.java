package uk.org.lxp.events.consumer;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per consumer: processed, skipped (unknown type) and dead-lettered counts, events per transaction, the lag behind
 * the topics, the partitions taken from its members, and how often a member started again after failing.
 */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerLag(String consumer, Supplier<Number> lag) {
        Gauge.builder("lxp.consumer.lag", lag)
                .description("Records on the consumer's partitions not yet consumed")
                .tag("consumer", consumer)
                .register(registry);
    }

    /** Events applied (or found applied before) in one committed transaction. */
    void appliedTogether(String consumer, int events) {
        registry.counter("lxp.consumer.processed", "consumer", consumer).increment(events);
        DistributionSummary.builder("lxp.consumer.transaction.events")
                .description("Events applied in one consumer transaction")
                .tag("consumer", consumer)
                .register(registry)
                .record(events);
    }

    /**
     * Partitions taken from a member: by a rebalance (with cooperative assignment, only those that change hands), lost
     * to another member, or all of its own as it stops or restarts.
     */
    void partitionsRevoked(String consumer, int partitions) {
        registry.counter("lxp.consumer.partitions.revoked", "consumer", consumer).increment(partitions);
    }

    /** A member that failed (its poll, its commit) and started again from the last committed offsets. */
    void restarted(String consumer) {
        registry.counter("lxp.consumer.restarts", "consumer", consumer).increment();
    }

    void skipped(String consumer) {
        registry.counter("lxp.consumer.skipped", "consumer", consumer).increment();
    }

    void deadLettered(String consumer) {
        registry.counter("lxp.consumer.dead.lettered", "consumer", consumer).increment();
    }
}
