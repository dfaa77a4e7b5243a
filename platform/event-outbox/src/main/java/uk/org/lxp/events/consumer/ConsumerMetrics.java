package uk.org.lxp.events.consumer;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Per consumer: processed, skipped (unknown type) and dead-lettered counts, and the lag behind the topics. */
@ApplicationScoped
public class ConsumerMetrics {

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerLag(String consumer, AtomicLong lag) {
        Gauge.builder("lxp.consumer.lag", lag, AtomicLong::get)
                .description("Records on the consumer's partitions not yet consumed")
                .tag("consumer", consumer)
                .register(registry);
    }

    void processed(String consumer) {
        registry.counter("lxp.consumer.processed", "consumer", consumer).increment();
    }

    void skipped(String consumer) {
        registry.counter("lxp.consumer.skipped", "consumer", consumer).increment();
    }

    void deadLettered(String consumer) {
        registry.counter("lxp.consumer.dead.lettered", "consumer", consumer).increment();
    }
}
