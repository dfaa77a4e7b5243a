package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * Measures the outbox end to end, from a writer's commit to the consumer's effect, on this machine with real
 * PostgreSQL and a real broker. Run with {@code ./mvnw -pl event-outbox -am verify -Pbenchmark}; results go to
 * the console and {@code event-outbox/target/benchmark/outbox.txt}. It checks completeness, never timings.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@Tag("benchmark")
class OutboxBenchmarkTest {

    private static final int RATE_PER_SECOND = 20;
    private static final int WARM_UP_EVENTS = 200;
    private static final int MEASURED_EVENTS = 1_200;
    private static final int THROUGHPUT_EVENTS = 20_000;
    private static final int WRITERS = 4;

    @Inject
    Ledger ledger;

    @Inject
    LedgerProjection projection;

    private final List<String> report = new ArrayList<>();

    @Test
    void latencyAtTwentyEventsPerSecondAndSustainedThroughput() throws Exception {
        paced("warm-up", WARM_UP_EVENTS);
        long[] latencies = paced("latency", MEASURED_EVENTS);
        Arrays.sort(latencies);
        line("End-to-end latency, commit to consumer effect, %d events at %d events/s (one event per transaction):",
                MEASURED_EVENTS, RATE_PER_SECOND);
        line("  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", millis(percentile(latencies, 50)),
                millis(percentile(latencies, 90)), millis(percentile(latencies, 99)),
                millis(latencies[latencies.length - 1]));

        flood("one event per transaction", 1);
        flood("ten events per transaction", 10);

        Path out = Path.of("target", "benchmark", "outbox.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Writes at a fixed rate and returns each event's commit-to-effect latency in nanoseconds. */
    private long[] paced(String name, int events) throws Exception {
        String aggregate = name + "-" + UUID.randomUUID();
        long[] committedAt = new long[events + 1];
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var done = new java.util.concurrent.CountDownLatch(events);
        int[] next = {1};
        scheduler.scheduleAtFixedRate(() -> {
            int sequence = next[0]++;
            if (sequence <= events) {
                ledger.add(aggregate, sequence);
                committedAt[sequence] = System.nanoTime();
                done.countDown();
            }
        }, 0, 1_000_000 / RATE_PER_SECOND, TimeUnit.MICROSECONDS);
        assertThat(done.await(events / RATE_PER_SECOND + 60, TimeUnit.SECONDS)).isTrue();
        scheduler.shutdown();
        await().atMost(Duration.ofMinutes(2)).until(() -> projection.appliedAtNanos(aggregate, events) != null);
        long[] latencies = new long[events];
        for (int sequence = 1; sequence <= events; sequence++) {
            latencies[sequence - 1] = projection.appliedAtNanos(aggregate, sequence) - committedAt[sequence];
        }
        return latencies;
    }

    /** Writes as fast as the writers can and reports the rate at which events were committed and applied. */
    private void flood(String name, int perTransaction) throws Exception {
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
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int w = 0; w < WRITERS; w++) {
                if (projection.appliedAtNanos(prefix + "-" + w, perWriter) == null) {
                    return false;
                }
            }
            return true;
        });
        long applied = System.nanoTime();
        line("Throughput, %d events from %d writers, %s:", THROUGHPUT_EVENTS, WRITERS, name);
        line("  committed at %.0f events/s; all applied after %.1f s, %.0f events/s end to end",
                THROUGHPUT_EVENTS / seconds(written - start), seconds(applied - start),
                THROUGHPUT_EVENTS / seconds(applied - start));
    }

    private void line(String format, Object... arguments) {
        String text = String.format(format, arguments);
        report.add(text);
        System.out.println("[benchmark] " + text);
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
