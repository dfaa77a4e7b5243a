package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * Measures the outbox end to end, from a writer's commit to the commit of the consumer's effect, on this machine with
 * real PostgreSQL and a real broker: latency at a low and a high fixed rate, then the rate sustained by writers that
 * write as fast as they can, with every effect counted once. Run by {@code ./lxp bench events}, or alone with
 * {@code ./mvnw -pl platform/event-outbox -am verify -Pbenchmark}; figures go to the console and
 * {@code target/benchmark/outbox.properties}. It checks completeness and exactly-once effects, never timings.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@Tag("benchmark")
class OutboxBenchmarkTest {

    private static final int LOW_RATE = 20;
    private static final int LOW_RATE_EVENTS = 600;
    private static final int HIGH_RATE = 500;
    private static final int HIGH_RATE_EVENTS = 10_000;
    private static final int THROUGHPUT_EVENTS = 40_000;
    private static final int WRITERS = 4;

    @Inject
    Ledger ledger;

    @Inject
    LedgerProjection projection;

    private final Properties figures = new Properties();

    @Test
    void latencyAtLowAndHighRatesAndSustainedThroughput() throws Exception {
        paced("warm-up", LOW_RATE, 200);
        paced("warm-up", HIGH_RATE, 2_000);
        latency(LOW_RATE, LOW_RATE_EVENTS);
        latency(HIGH_RATE, HIGH_RATE_EVENTS);
        flood(1);
        flood(10);

        Path out = Path.of("target", "benchmark", "outbox.properties");
        Files.createDirectories(out.getParent());
        try (var writer = Files.newBufferedWriter(out)) {
            figures.store(writer, "OutboxBenchmarkTest: latencies in ms, rates in events/s");
        }
    }

    private void latency(int rate, int events) throws Exception {
        Paced run = paced("latency-" + rate, rate, events);
        long[] latencies = run.latencies();
        Arrays.sort(latencies);
        String key = "latency." + rate + ".";
        figure(key + "events", events);
        figure(key + "achieved-rate", Math.round(run.achievedRate()));
        for (int percent : new int[] {50, 90, 99}) {
            figure(key + "p" + percent, millis(percentile(latencies, percent)));
        }
        figure(key + "max", millis(latencies[latencies.length - 1]));
        for (int percent : new int[] {50, 99}) {
            figure(key + "relay-p" + percent, relayMicros(run.aggregate(), percent) / 1000.0);
        }
        assertThat(appliedMoreThanOnce(run.aggregate())).isZero();
    }

    /**
     * The relay's share: from the writer recording the event to the broker acknowledging it (the outbox row's
     * created_at to its published_at), a percentile in microseconds.
     */
    private long relayMicros(String aggregate, int percent) {
        return ledger.count("""
                SELECT round(percentile_cont(? / 100.0) WITHIN GROUP (
                    ORDER BY extract(epoch FROM published_at - created_at)) * 1000000)::bigint
                FROM outbox_event WHERE aggregate_id = ?""", percent, aggregate);
    }

    private record Paced(String aggregate, long[] latencies, double achievedRate) {
    }

    /**
     * Commits one event per transaction at a fixed rate (a pacer hands each write to a pool when it is due, so a slow
     * commit does not delay the next) and returns each event's commit-to-effect latency in nanoseconds.
     */
    private Paced paced(String name, int rate, int events) throws Exception {
        String aggregate = name + "-" + UUID.randomUUID();
        long[] committedAt = new long[events + 1];
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<Future<?>> writes = new ArrayList<>(events);
        for (int sequence = 1; sequence <= events; sequence++) {
            long due = start + (sequence - 1) * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int entry = sequence;
            writes.add(writers.submit(() -> {
                ledger.add(aggregate, entry);
                committedAt[entry] = System.nanoTime();
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        double achievedRate = events / seconds(System.nanoTime() - start);
        writers.shutdown();
        await().atMost(Duration.ofMinutes(2)).until(() -> allApplied(aggregate, events));
        long[] latencies = new long[events];
        for (int sequence = 1; sequence <= events; sequence++) {
            latencies[sequence - 1] = projection.appliedAtNanos(aggregate, sequence) - committedAt[sequence];
        }
        return new Paced(aggregate, latencies, achievedRate);
    }

    private boolean allApplied(String aggregate, int events) {
        for (int sequence = 1; sequence <= events; sequence++) {
            if (projection.appliedAtNanos(aggregate, sequence) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes as fast as the writers can and records the rates at which events were committed, published and applied,
     * and how fast the consumer worked off what was still waiting once everything was published (then it no longer
     * shares the two cores with the writers and the relay).
     */
    private void flood(int perTransaction) throws Exception {
        String prefix = "flood-" + UUID.randomUUID();
        int perWriter = THROUGHPUT_EVENTS / WRITERS;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long start = System.nanoTime();
        List<Future<?>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String aggregate = prefix + "-" + w;
            writes.add(writers.submit(() -> {
                for (int first = 1; first <= perWriter; first += perTransaction) {
                    ledger.addRange(aggregate, first, perTransaction);
                }
            }));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        long written = System.nanoTime();
        writers.shutdown();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> ledger.count(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE ? AND published_at IS NULL", prefix + "-%") == 0);
        long published = System.nanoTime();
        long appliedWhenPublished = ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ?",
                prefix + "-%");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (int w = 0; w < WRITERS; w++) {
                if (!allApplied(prefix + "-" + w, perWriter)) {
                    return false;
                }
            }
            return true;
        });
        long applied = System.nanoTime();
        String key = "throughput." + perTransaction + "-per-transaction.";
        figure(key + "events", THROUGHPUT_EVENTS);
        figure(key + "committed-rate", Math.round(THROUGHPUT_EVENTS / seconds(written - start)));
        figure(key + "published-rate", Math.round(THROUGHPUT_EVENTS / seconds(published - start)));
        figure(key + "applied-rate", Math.round(THROUGHPUT_EVENTS / seconds(applied - start)));
        figure(key + "backlog-when-published", THROUGHPUT_EVENTS - appliedWhenPublished);
        figure(key + "backlog-drain-rate",
                Math.round((THROUGHPUT_EVENTS - appliedWhenPublished) / seconds(Math.max(1, applied - published))));
        long duplicates = appliedMoreThanOnce(prefix + "-%");
        figure(key + "applied-more-than-once", duplicates);
        assertThat(ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ?", prefix + "-%"))
                .isEqualTo(THROUGHPUT_EVENTS);
        assertThat(duplicates).isZero();
    }

    private long appliedMoreThanOnce(String aggregatePattern) {
        return ledger.count("SELECT count(*) FROM applied_effect WHERE aggregate_id LIKE ? AND applied_count <> 1",
                aggregatePattern);
    }

    private void figure(String key, Object value) {
        String text = value instanceof Double number ? String.format(Locale.ROOT, "%.1f", number) : String.valueOf(value);
        figures.setProperty(key, text);
        System.out.println("[benchmark] " + key + " = " + text);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }
}
