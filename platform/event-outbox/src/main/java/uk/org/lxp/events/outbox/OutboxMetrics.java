package uk.org.lxp.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Outbox backlog (count, age of the oldest) and the relay's published and failed counts. */
@ApplicationScoped
public class OutboxMetrics {

    private final Counter published;
    private final Counter failed;

    OutboxMetrics(MeterRegistry registry, OutboxBacklog backlog) {
        published = Counter.builder("lxp.outbox.published")
                .description("Events the relay published to Kafka")
                .register(registry);
        failed = Counter.builder("lxp.outbox.failed")
                .description("Event publications that failed and will be retried")
                .register(registry);
        Gauge.builder("lxp.outbox.backlog", backlog, b -> b.current().count())
                .description("Committed events not yet published")
                .register(registry);
        Gauge.builder("lxp.outbox.oldest.age.seconds", backlog, b -> b.current().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest unpublished event")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void failed(int count) {
        failed.increment(count);
    }
}
