package uk.org.lxp.events.consumer;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per consumer: processed, skipped (unknown type) and dead-lettered counts, events per transaction, and the lag
 * behind the topics.
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

    void skipped(String consumer) {
        registry.counter("lxp.consumer.skipped", "consumer", consumer).increment();
    }

    void deadLettered(String consumer) {
        registry.counter("lxp.consumer.dead.lettered", "consumer", consumer).increment();
    }
}
