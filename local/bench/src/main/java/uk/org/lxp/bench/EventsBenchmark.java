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
 * as the services run (two members of the consumer group, each applying a poll's events together), with one member,
 * and with one member applying each event in a transaction of its own, as before either change.
 */
final class EventsBenchmark implements Benchmark {

    /** The settings of each run after the first, which runs with the library's defaults. */
    private static final List<String> ONE_MEMBER = List.of("outbox-test.ledger-projection.members=1");
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
        Properties asServices = measure(root, work, "as-services", List.of(), out);
        Properties oneMember = measure(root, work, "one-member", ONE_MEMBER, out);
        Properties oneEach = measure(root, work, "one-member-one-each", ONE_MEMBER_ONE_EACH, out);
        return report(asServices, oneMember, oneEach);
    }

    private Properties measure(Path root, Path work, String label, List<String> settings, PrintStream out) {
        return BenchmarkTestRun.run(root, work, "platform/event-outbox", "OutboxBenchmarkTest", "outbox.properties",
                label, settings, out);
    }

    static String report(Properties asServices, Properties oneMember, Properties oneEach) {
        StringBuilder text = new StringBuilder("""
                `OutboxBenchmarkTest` (platform/event-outbox, `-Pbenchmark`), run three times by this command: as the \
                services run their post subscriptions (two members of the consumer group, on the topic's 3 partitions, \
                each applying a poll's events together, at most 500 per transaction), with one member \
                (`outbox-test.ledger-projection.members=1`), and with one member and \
                `lxp.events.consumer.max-events-per-transaction=1` (a transaction per event, as before batching). \
                PostgreSQL 17 and a Kafka 4.0 broker on loopback, writers, relay and consumer in one JVM on the same cores. \
                Latency is from the writer's commit to the commit of the consumer's transaction (one event per writer \
                transaction, paced; 600 events at 20/s, 10,000 at 500/s, after a warm-up). Throughput: 40,000 events \
                written as fast as 4 writers can; rates are counted from the first write to the last event committed, \
                published and applied; every effect is checked to be applied exactly once.

                | measure | as the services run: 2 members, applied together | 1 member, applied together | 1 member, a transaction per event |
                |---|---|---|---|
                """);
        for (Row row : ROWS) {
            text.append("| ").append(row.label()).append(" | ").append(row.cell(asServices)).append(" | ")
                    .append(row.cell(oneMember)).append(" | ").append(row.cell(oneEach)).append(" |\n");
        }
        double p99 = BenchmarkTestRun.number(asServices, "latency.500.p99");
        long sustained = sustained(asServices);
        long oneMemberRate = sustained(oneMember);
        long oneEachRate = sustained(oneEach);
        text.append(String.format("%nTargets: p99 <= %.0f ms at 500 events/s: %.1f ms%s; >= %,d events/s sustained with "
                        + "exactly-once effects: %,d events/s end to end%s (one member: %,d, so x %.2f; one member with a "
                        + "transaction per event: %,d, so x %.2f).%n",
                TARGET_P99_MILLIS, p99, Benchmark.verdict(p99 <= TARGET_P99_MILLIS), TARGET_RATE, sustained,
                Benchmark.verdict(sustained >= TARGET_RATE), oneMemberRate, ratio(sustained, oneMemberRate), oneEachRate,
                ratio(sustained, oneEachRate)));
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
