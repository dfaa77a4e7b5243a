package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * B3: the event library end to end, from a writer's commit to the commit of the consumer's effect, with real
 * PostgreSQL and a real broker. The measuring is event-outbox's own benchmark test (it needs the library's test
 * consumer and the JVM's monotonic clock on both sides); this runs it three times and puts the runs side by side:
 * with the handler taking a poll's events together ({@code onBatch}, as pay-equity-service applies post events), with
 * the handler taking one event at a time in a transaction shared by the poll's events (as the other subscriptions
 * run), both with two members of the consumer group, and with one member applying each event in a transaction of its
 * own, as before any of these changes.
 */
final class EventsBenchmark implements Benchmark {

    /** The settings of each run; the second runs with the library's defaults. */
    private static final List<String> HANDLED_TOGETHER = List.of("outbox-test.ledger-projection.together=true");
    private static final List<String> ONE_MEMBER_ONE_EACH = List.of("outbox-test.ledger-projection.members=1",
            "lxp.events.consumer.max-events-per-transaction=1");

    private static final double TARGET_P99_MILLIS = 50;
    private static final long TARGET_RATE = 5_000;

    private static final List<Row> ROWS = List.of(
            new Row("latency at 20 events/s: p50 / p90 / p99 / max (ms)", "latency.20.", "p50", "p90", "p99", "max"),
            new Row("latency at 500 events/s: p50 / p90 / p99 / max (ms)", "latency.500.", "p50", "p90", "p99", "max"),
            new Row("of which the relay, commit to the broker's acknowledgement, at 20 and 500 events/s: p50 / p99 (ms)",
                    "latency.", "20.relay-p50", "20.relay-p99", "500.relay-p50", "500.relay-p99"),
            new Row("4 writers, 1 event per transaction: committed / published / applied (events/s)",
                    "throughput.1-per-transaction.", "committed-rate", "published-rate", "applied-rate"),
            new Row("4 writers, 10 events per transaction: committed / published / applied (events/s)",
                    "throughput.10-per-transaction.", "committed-rate", "published-rate", "applied-rate"),
            new Row("consumer working off its backlog once all was published (events/s; 1 and 10 per transaction)",
                    "throughput.", "1-per-transaction.backlog-drain-rate", "10-per-transaction.backlog-drain-rate"),
            new Row("effects applied more than once (1 and 10 per transaction)", "throughput.",
                    "1-per-transaction.applied-more-than-once", "10-per-transaction.applied-more-than-once"));

    /** One line of the table: a label and the figures it joins with " / ". */
    record Row(String label, String prefix, String... keys) {

        String cell(Properties figures) {
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                values.add(figures.getProperty(prefix + key, "?"));
            }
            return String.join(" / ", values);
        }
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String title() {
        return "B3 Events";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        Properties together = measure(root, work, "handled-together", HANDLED_TOGETHER, out);
        Properties oneAtATime = measure(root, work, "one-at-a-time", List.of(), out);
        Properties oneEach = measure(root, work, "one-member-one-each", ONE_MEMBER_ONE_EACH, out);
        return report(together, oneAtATime, oneEach);
    }

    private Properties measure(Path root, Path work, String label, List<String> settings, PrintStream out) {
        return BenchmarkTestRun.run(root, work, "platform/event-outbox", "OutboxBenchmarkTest", "outbox.properties",
                label, settings, out);
    }

    static String report(Properties together, Properties oneAtATime, Properties oneEach) {
        StringBuilder text = new StringBuilder("""
                `OutboxBenchmarkTest` (platform/event-outbox, `-Pbenchmark`), run three times by this command, each \
                with a poll's events applied in one transaction (at most 500): with the test consumer's handler taking \
                them together (`onBatch`, `outbox-test.ledger-projection.together=true`: their effects in one batch \
                of statements, as both services apply post events), with it taking them one at a time (two \
                statements each, as every other subscription), both with two members of the consumer group on the \
                topic's 3 partitions, and with one member and `lxp.events.consumer.max-events-per-transaction=1` (a \
                transaction per event, as before batching). \
                PostgreSQL 17 and a Kafka 4.0 broker on loopback, writers, relay and consumer in one JVM on the same cores. \
                Latency is from the writer's commit to the commit of the consumer's transaction (one event per writer \
                transaction, paced; 600 events at 20/s, 10,000 at 500/s, after a warm-up). Throughput: 40,000 events \
                written as fast as 4 writers can; rates are counted from the first write to the last event committed, \
                published and applied; every effect is checked to be applied exactly once.

                | measure | handled together (2 members) | one at a time, a transaction per poll (2 members) | 1 member, a transaction per event |
                |---|---|---|---|
                """);
        for (Row row : ROWS) {
            text.append("| ").append(row.label()).append(" | ").append(row.cell(together)).append(" | ")
                    .append(row.cell(oneAtATime)).append(" | ").append(row.cell(oneEach)).append(" |\n");
        }
        double p99 = BenchmarkTestRun.number(together, "latency.500.p99");
        long sustained = sustained(together);
        long oneAtATimeRate = sustained(oneAtATime);
        long oneEachRate = sustained(oneEach);
        text.append(String.format("%nTargets, with the handler taking events together: p99 <= %.0f ms at 500 events/s: "
                        + "%.1f ms%s (one at a time: %.1f ms); >= %,d events/s sustained with exactly-once effects: %,d "
                        + "events/s end to end%s (one at a time: %,d, so x %.2f; one member with a transaction per event: "
                        + "%,d, so x %.2f).%n",
                TARGET_P99_MILLIS, p99, Benchmark.verdict(p99 <= TARGET_P99_MILLIS),
                BenchmarkTestRun.number(oneAtATime, "latency.500.p99"), TARGET_RATE, sustained,
                Benchmark.verdict(sustained >= TARGET_RATE), oneAtATimeRate, ratio(sustained, oneAtATimeRate),
                oneEachRate, ratio(sustained, oneEachRate)));
        return text.toString();
    }

    /** The higher of the two end-to-end rates, with 1 and with 10 events per writer transaction. */
    private static long sustained(Properties figures) {
        return Math.round(Math.max(BenchmarkTestRun.number(figures, "throughput.1-per-transaction.applied-rate"),
                BenchmarkTestRun.number(figures, "throughput.10-per-transaction.applied-rate")));
    }

    private static double ratio(long rate, long before) {
        return before == 0 ? 0.0 : (double) rate / before;
    }
}
