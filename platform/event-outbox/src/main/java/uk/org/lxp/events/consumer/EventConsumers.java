package uk.org.lxp.events.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import uk.org.lxp.events.EventsConfig;
import uk.org.lxp.events.KafkaClients;

/** Starts a consumer for every {@link EventSubscription} bean of the service, and stops them at shutdown. */
@ApplicationScoped
public class EventConsumers {

    private final Instance<EventSubscription> subscriptions;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final PersistenceContexts persistenceContexts;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final ConsumerMetrics metrics;
    private final String applicationName;
    private final EventTracing tracing;
    private final List<EventConsumer> running = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    EventConsumers(Instance<EventSubscription> subscriptions, KafkaClients kafka, ProcessedEvents processed,
            PersistenceContexts persistenceContexts, ObjectMapper json, EventsConfig config, ConsumerMetrics metrics,
            EventTracing tracing, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.subscriptions = subscriptions;
        this.kafka = kafka;
        this.processed = processed;
        this.persistenceContexts = persistenceContexts;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.applicationName = applicationName;
        this.tracing = tracing;
    }

    synchronized void onStart(@Observes StartupEvent event) {
        if (!config.consumer().enabled() || subscriptions.isUnsatisfied()) {
            return;
        }
        var consumerConfig = config.consumer();
        if (consumerConfig.maxEventsPerTransaction() < 1) {
            throw new IllegalStateException("lxp.events.consumer.max-events-per-transaction must be at least 1, not "
                    + consumerConfig.maxEventsPerTransaction());
        }
        var retry = new EventConsumer.Retry(consumerConfig.maxAttempts(), consumerConfig.initialBackoff(),
                consumerConfig.maxBackoff());
        deadLetters = kafka.reliableProducer("dead-letters", 60_000);
        for (EventSubscription subscription : subscriptions) {
            String group = applicationName + "." + subscription.name();
            List<EventConsumer> members = new ArrayList<>();
            for (int member = 1; member <= subscription.members(); member++) {
                String clientId = group + "-" + member;
                members.add(new EventConsumer(subscription, group, "event-consumer-" + subscription.name() + "-" + member,
                        () -> kafka.consumer(group, clientId, consumerConfig.maxPollRecords()),
                        consumerConfig.maxEventsPerTransaction(), deadLetters, processed, persistenceContexts, json, retry,
                        metrics, tracing));
            }
            metrics.registerLag(group, () -> members.stream().mapToLong(EventConsumer::lag).sum());
            members.forEach(EventConsumer::start);
            running.addAll(members);
        }
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        running.forEach(EventConsumer::stop);
        running.clear();
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    /**
     * A member of that group ({@code <application>.<subscription>}), a live one if there is one: any serves a
     * replay, since members differ only in their partitions.
     */
    synchronized Optional<EventConsumer> named(String group) {
        return running.stream().filter(consumer -> consumer.name().equals(group))
                .min(Comparator.comparing(consumer -> !consumer.isAlive()));
    }

    /** Every topic this service consumes. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        subscriptions.forEach(subscription -> topics.addAll(subscription.topics()));
        return topics;
    }

    /** The consumer group of every subscription of this service. */
    Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        subscriptions.forEach(subscription -> groups.add(applicationName + "." + subscription.name()));
        return groups;
    }

    /** Groups with a member whose thread has died; a healthy service has none. */
    synchronized List<String> stopped() {
        return running.stream().filter(consumer -> !consumer.isAlive()).map(EventConsumer::name).distinct().toList();
    }
}
