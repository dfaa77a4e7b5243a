package uk.org.lxp.events.consumer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.events.CloudEventHeaders;

/**
 * Runs one member of a subscription's group on its own thread. The events of each poll are applied together in one
 * transaction with their processed-event rows, so a redelivered event changes nothing twice and a busy consumer pays
 * one commit per poll rather than one per event. Offsets are committed only after those transactions have committed.
 * A record that keeps failing is retried with backoff a bounded number of times, then parked on {@code <topic>.dlq}
 * with the failure in its headers, and the partition moves on.
 */
final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    static final String DLQ_SUFFIX = ".dlq";
    static final String DLQ_REASON = "lxp_dlq_reason";
    static final String DLQ_ATTEMPTS = "lxp_dlq_attempts";
    static final String DLQ_CONSUMER = "lxp_dlq_consumer";
    static final String DLQ_ORIGINAL_TOPIC = "lxp_dlq_original_topic";
    static final String DLQ_ORIGINAL_PARTITION = "lxp_dlq_original_partition";
    static final String DLQ_ORIGINAL_OFFSET = "lxp_dlq_original_offset";

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final EventSubscription subscription;
    private final String consumerName;
    private final String threadName;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final int maxEventsPerTransaction;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final ProcessedEvents processed;
    private final PersistenceContexts persistenceContexts;
    private final ObjectMapper json;
    private final Retry retry;
    private final ConsumerMetrics metrics;
    private final EventTracing tracing;
    private final AtomicLong lag = new AtomicLong();

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    /** Per partition, the offset after the last record applied or parked; on the consumer's thread only. */
    private Map<TopicPartition, OffsetAndMetadata> settled = new HashMap<>();
    private Thread thread;

    record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        Duration backoffAfter(int attempt) {
            long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    EventConsumer(EventSubscription subscription, String consumerName, String threadName,
            Supplier<KafkaConsumer<String, byte[]>> consumers, int maxEventsPerTransaction,
            KafkaProducer<String, byte[]> deadLetters,
            ProcessedEvents processed, PersistenceContexts persistenceContexts, ObjectMapper json, Retry retry,
            ConsumerMetrics metrics, EventTracing tracing) {
        this.subscription = subscription;
        this.consumerName = consumerName;
        this.threadName = threadName;
        this.consumers = consumers;
        this.maxEventsPerTransaction = maxEventsPerTransaction;
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.persistenceContexts = persistenceContexts;
        this.json = json;
        this.retry = retry;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    String name() {
        return consumerName;
    }

    /** Records on this member's partitions not yet consumed, as of its last poll. */
    long lag() {
        return lag.get();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = consumers.get()) {
                consumer = kafka;
                settled = new HashMap<>();
                kafka.subscribe(subscription.topics(), new CommitOnRevoke(kafka, settled));
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
                    process(records);
                    // Records skipped for want of a handler count as done with the poll's last.
                    records.partitions().forEach(partition -> settle(records.records(partition)
                            .get(records.records(partition).size() - 1)));
                    commitSettled(kafka);
                    updateLag(kafka);
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer out of poll; the loop condition ends the thread.
            } catch (RuntimeException e) {
                // Nothing after the last committed offset is lost: the new consumer starts from there.
                LOG.errorf(e, "Consumer %s failed; restarting from its last committed offset", consumerName);
                metrics.restarted(consumerName);
                pause();
            } finally {
                consumer = null;
                // Its partitions are another member's now, or will be: they count in that member's lag.
                lag.set(0);
            }
        }
    }

    /**
     * Commits the offsets settled so far. While the group rebalances cooperatively, poll() goes on returning records
     * of the partitions this member keeps but Kafka takes no commit: the offsets wait for a later poll, once the
     * rebalance is done, or are committed before their partitions are revoked (or dropped, should they be lost).
     */
    private void commitSettled(KafkaConsumer<String, byte[]> kafka) {
        if (settled.isEmpty()) {
            return;
        }
        try {
            kafka.commitSync(settled);
            settled.clear();
        } catch (RebalanceInProgressException rebalancing) {
            LOG.debugf("Consumer %s: offsets wait for the rebalance under way", consumerName);
        }
    }

    /**
     * Applies what one poll brought, each partition in its order: events in as few transactions as succeed together
     * (at most {@code max-events-per-transaction} in each), types without a handler skipped, and a record that is
     * not a readable event parked in its turn, once what came before it is applied. Each record is settled (its
     * offset ready to commit) as soon as its effect is committed or it is parked, so a consumer stopped mid-poll
     * does not redo them.
     */
    private void process(ConsumerRecords<String, byte[]> records) {
        List<Delivery> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<String> id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
            Optional<String> type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
            if (id.isEmpty() || type.isEmpty()) {
                park(pending, record, "Not a CloudEvent: ce_id or ce_type header missing");
                continue;
            }
            Optional<Handler> handler = subscription.handlerFor(type.get());
            if (handler.isEmpty()) {
                metrics.skipped(consumerName);
                continue;
            }
            try {
                pending.add(new Delivery(record, toEvent(record, id.get(), type.get()), handler.get()));
            } catch (IOException | DateTimeParseException e) {
                park(pending, record, "Unreadable event: " + e.getMessage());
            }
        }
        applyPending(pending);
    }

    /** Parks a record no retry can help, after applying the events that came before it. */
    private void park(List<Delivery> pending, ConsumerRecord<String, byte[]> record, String reason) {
        applyPending(pending);
        deadLetter(record, reason, 0);
        settle(record);
    }

    private void applyPending(List<Delivery> pending) {
        for (int first = 0; first < pending.size(); first += maxEventsPerTransaction) {
            applyInOrder(pending.subList(first, Math.min(first + maxEventsPerTransaction, pending.size())));
        }
        pending.clear();
    }

    private void settle(ConsumerRecord<String, byte[]> record) {
        settled.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                (earlier, later) -> later.offset() > earlier.offset() ? later : earlier);
    }

    /**
     * All the deliveries in one transaction. When a handler throws, everything rolls back: the deliveries before it
     * are applied together again, the one that threw goes on alone, and the rest follow, so a poison event costs its
     * neighbours one retry and never an attempt of their own. The failure counts as the first attempt of the one that
     * threw, unless it has only one: what surfaced in a handler may have been caused by an earlier event (a
     * deferred constraint, a trigger, a lock taken), so every event gets at least one attempt on its own. When a
     * handler that took several events together throws, each of them goes on alone with all its attempts, as does
     * every delivery when a failure no handler raised (the commit itself) ends the transaction.
     */
    private void applyInOrder(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        if (deliveries.size() == 1) {
            applyWithRetries(deliveries.get(0), null);
            return;
        }
        Threw threw = new Threw();
        RuntimeException failure;
        try {
            applyTogether(deliveries, threw);
            metrics.appliedTogether(consumerName, deliveries.size());
            deliveries.forEach(delivery -> settle(delivery.record()));
            return;
        } catch (RuntimeException e) {
            failure = e;
        }
        if (threw.from < 0) {
            LOG.warnf("Consumer %s: a transaction of %d events failed; applying them one by one: %s", consumerName,
                    deliveries.size(), failure);
            deliveries.forEach(delivery -> applyWithRetries(delivery, null));
            return;
        }
        List<Delivery> culprits = deliveries.subList(threw.from, threw.to);
        if (threw.handed == 1) {
            Delivery culprit = culprits.get(0);
            boolean counted = retry.maxAttempts() > 1;
            LOG.warnf("Consumer %s: event %s (%s) failed among %d applied together%s: %s", consumerName,
                    culprit.event().id(), culprit.event().type(), deliveries.size(),
                    counted ? " (attempt 1 of " + retry.maxAttempts() + ")" : "", failure);
            applyInOrder(deliveries.subList(0, threw.from));
            applyWithRetries(culprit, counted ? failure : null);
        } else {
            LOG.warnf("Consumer %s: %d events handled in one call failed among %d applied together; applying them one "
                    + "by one: %s", consumerName, threw.handed, deliveries.size(), failure);
            applyInOrder(deliveries.subList(0, threw.from));
            culprits.forEach(delivery -> applyWithRetries(delivery, null));
        }
        applyInOrder(deliveries.subList(threw.to, deliveries.size()));
    }

    /** Applies one delivery in transactions of its own, with backoff, and parks it once its attempts are spent. */
    private void applyWithRetries(Delivery delivery, RuntimeException firstFailure) {
        ConsumedEvent event = delivery.event();
        RuntimeException failure = firstFailure;
        int attempt = firstFailure == null ? 0 : 1;
        while (attempt < retry.maxAttempts() && running) {
            if (attempt > 0) {
                sleep(retry.backoffAfter(attempt));
                if (!running) {
                    break;
                }
            }
            attempt++;
            try {
                applyTogether(List.of(delivery), new Threw());
                metrics.appliedTogether(consumerName, 1);
                settle(delivery.record());
                return;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warnf("Consumer %s: attempt %d of %d at event %s (%s) failed: %s", consumerName, attempt,
                        retry.maxAttempts(), event.id(), event.type(), e);
            }
        }
        if (!running) {
            // Shutting down mid-retry: leave the record uncommitted so the next consumer tries it again.
            throw new WakeupException();
        }
        deadLetter(delivery.record(), String.valueOf(failure), attempt);
        settle(delivery.record());
    }

    /**
     * Applies a parked record again, as an operator asks once the cause is fixed: through the same handler and the
     * same processed-event check, so a record whose effect was committed is never applied twice.
     */
    DeadLetters.Outcome replay(ConsumerRecord<String, byte[]> parked) {
        Optional<String> id = CloudEventHeaders.get(parked.headers(), CloudEventHeaders.ID);
        Optional<String> type = CloudEventHeaders.get(parked.headers(), CloudEventHeaders.TYPE);
        if (id.isEmpty() || type.isEmpty()) {
            return DeadLetters.Outcome.failed("Not a CloudEvent: ce_id or ce_type header missing");
        }
        Optional<Handler> handler = subscription.handlerFor(type.get());
        if (handler.isEmpty()) {
            return DeadLetters.Outcome.skipped("No handler for " + type.get() + " in " + consumerName);
        }
        try {
            Delivery delivery = new Delivery(parked, toEvent(parked, id.get(), type.get()), handler.get());
            int applied = applyTogether(List.of(delivery), new Threw());
            return applied == 1 ? DeadLetters.Outcome.applied() : DeadLetters.Outcome.alreadyApplied();
        } catch (IOException | DateTimeParseException unreadable) {
            return DeadLetters.Outcome.failed("Unreadable event: " + unreadable.getMessage());
        } catch (RuntimeException e) {
            return DeadLetters.Outcome.failed(String.valueOf(e));
        }
    }

    /**
     * The handlers of the deliveries not applied before, and their processed-event rows, in one new transaction;
     * says how many were applied. An event delivered twice in the batch is applied once; consecutive events of a
     * handler that takes them together go to it in one call. When a handler throws, the deliveries it was given are
     * left in {@code threw} and the whole transaction rolls back.
     */
    private int applyTogether(List<Delivery> deliveries, Threw threw) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> unapplied = processed.markProcessed(consumerName,
                    deliveries.stream().map(delivery -> delivery.event().id()).toList());
            int applied = 0;
            int next = 0;
            while (next < deliveries.size()) {
                Delivery first = deliveries.get(next);
                int end = next + 1;
                if (!unapplied.remove(first.event().id())) {
                    next = end;
                    continue;
                }
                List<ConsumedEvent> events = new ArrayList<>(List.of(first.event()));
                int lastHanded = next;
                while (end < deliveries.size() && first.handler().appliesWith(deliveries.get(end).handler())) {
                    if (unapplied.remove(deliveries.get(end).event().id())) {
                        events.add(deliveries.get(end).event());
                        lastHanded = end;
                    }
                    end++;
                }
                // Deliveries skipped as applied before, after the last one handed over, are not to blame.
                threw.from = next;
                threw.to = lastHanded + 1;
                threw.handed = events.size();
                handle(events, first.handler());
                applied += events.size();
                next = end;
            }
            threw.from = -1;
            return applied;
        });
    }

    private void handle(List<ConsumedEvent> events, Handler handler) {
        Span span = events.size() == 1 ? tracing.startConsumerSpan(consumerName, events.get(0))
                : tracing.startBatchSpan(consumerName, events);
        try (Scope inTrace = span.makeCurrent()) {
            handler.apply(events);
            persistenceContexts.flushAndClear();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private ConsumedEvent toEvent(ConsumerRecord<String, byte[]> record, String id, String type) throws IOException {
        var headers = record.headers();
        JsonNode data = record.value() == null ? json.nullNode() : json.readTree(record.value());
        Instant time = CloudEventHeaders.get(headers, CloudEventHeaders.TIME).map(Instant::parse).orElse(null);
        return new ConsumedEvent(id, type,
                CloudEventHeaders.get(headers, CloudEventHeaders.SOURCE).orElse(null),
                CloudEventHeaders.get(headers, CloudEventHeaders.SUBJECT).orElse(null),
                time,
                CloudEventHeaders.get(headers, CloudEventHeaders.DATA_SCHEMA).orElse(null),
                CloudEventHeaders.get(headers, CloudEventHeaders.TRACEPARENT).orElse(null),
                data, record.topic(), record.partition(), record.offset(), json.reader());
    }

    /** Parks the record; if even that fails the consumer restarts, so the record is never silently acked. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, int attempts) {
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, null,
                record.key(), record.value(), record.headers());
        var headers = parked.headers();
        CloudEventHeaders.put(headers, DLQ_REASON, reason);
        CloudEventHeaders.put(headers, DLQ_ATTEMPTS, Integer.toString(attempts));
        CloudEventHeaders.put(headers, DLQ_CONSUMER, consumerName);
        CloudEventHeaders.put(headers, DLQ_ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(headers, DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(headers, DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
        try {
            deadLetters.send(parked).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not park a record on " + parked.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking a record on " + parked.topic(), e);
        }
        metrics.deadLettered(consumerName);
        LOG.errorf("Consumer %s parked %s-%d@%d on %s: %s", consumerName, record.topic(), record.partition(),
                record.offset(), parked.topic(), reason);
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    /** A record that is a readable event with a handler here. */
    private record Delivery(ConsumerRecord<String, byte[]> record, ConsumedEvent event, Handler handler) {
    }

    /**
     * Where in a transaction's list the deliveries whose handler threw lie, from and to (exclusive), and how many of
     * them it was handed (the others were applied before); from -1 if no handler threw.
     */
    private static final class Threw {
        int from = -1;
        int to = -1;
        int handed;
    }

    private void pause() {
        sleep(RESTART_PAUSE);
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Commits what has been applied before partitions move to another member, so they are not redone. Partitions
     * lost (this member was thought gone, and they have been given to another already) cannot be committed for: what
     * was applied on them is left to the new owner, whose processed-event check skips it.
     */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafka;
        private final Map<TopicPartition, OffsetAndMetadata> done;

        CommitOnRevoke(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> done) {
            this.kafka = kafka;
            this.done = done;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            metrics.partitionsRevoked(consumerName, partitions.size());
            if (!done.isEmpty()) {
                kafka.commitSync(done);
                done.clear();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            metrics.partitionsRevoked(consumerName, partitions.size());
            LOG.warnf("Consumer %s lost %d partition(s) to another member; their last events are left to it",
                    consumerName, partitions.size());
            done.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Positions come from the committed offsets.
        }
    }
}
