package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import uk.org.lxp.stack.StackSettings;

/**
 * B4: a trust's HR system syncing 100,000 posts through the gateway in batches, each batch one transaction with its
 * outbox events and audit records, then the pay of every post once pay-equity-service has learnt the posts from those
 * events. Timed per call, from sending the batch to its answer; the wait for events is counted apart. Before it, the
 * same import of 20,000 other posts warms the stack just started, as a service that has run an import before has
 * compiled its paths (the JIT used a third of the cores through a whole import on a stack just started).
 */
final class ImportBenchmark implements Benchmark {

    private static final String ORGANISATION = "RGD";
    private static final String CLIENT = "hr-rgd";
    private static final int POSTS = 100_000;
    private static final int WARM_UP_POSTS = 20_000;
    private static final int BATCH = 5_000;
    private static final long EVENTS_DEADLINE_MILLIS = 10 * 60 * 1000;

    /**
     * One phase of the import: its items, the time in its calls and waiting for events, and the CPU read as it began
     * and ended.
     */
    record Phase(long items, long nanos, long waitingNanos, CpuReading began, CpuReading ended) {
        double perSecond() {
            return items / (nanos / 1e9);
        }
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String title() {
        return "B4 Bulk import";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        Phase warmUpPosts;
        Phase warmUpPayRecords;
        Phase posts;
        Phase payRecords;
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, out)) {
            ApiCalls api = new ApiCalls(stack, stack.settings().url(StackSettings.Port.GATEWAY), CLIENT);
            ImportDataSet data = ImportDataSet.onPublishedProfiles(api, ORGANISATION);
            Map<String, ProcessHandle> processes = stack.processes();
            out.printf("Warming up: %,d other posts and their pay%n", WARM_UP_POSTS);
            warmUpPosts = sendPosts(api, data, POSTS, POSTS + WARM_UP_POSTS, processes, out);
            warmUpPayRecords = sendPayRecords(api, data, POSTS, POSTS + WARM_UP_POSTS, processes, out);
            out.printf("Importing %,d posts and their pay%n", POSTS);
            posts = sendPosts(api, data, 0, POSTS, processes, out);
            payRecords = sendPayRecords(api, data, 0, POSTS, processes, out);
        }
        return report(warmUpPosts, warmUpPayRecords, posts, payRecords, Runtime.getRuntime().availableProcessors());
    }

    /** Posts {@code first} (inclusive) to {@code end} of the data set, a batch at a time. */
    private static Phase sendPosts(ApiCalls api, ImportDataSet data, int first, int end, Map<String, ProcessHandle> processes,
            PrintStream out) {
        CpuReading began = CpuReading.of(processes);
        long nanos = 0;
        for (int from = first; from < end; from += BATCH) {
            Object body = data.posts(from, from + BATCH);
            String token = api.token();
            long started = System.nanoTime();
            ApiCalls.Answer answer = api.post("/api/v1/posts/bulk", body, token);
            long took = System.nanoTime() - started;
            nanos += took;
            if (answer.status() != 200 || answer.body().path("created").asInt() + answer.body().path("changed").asInt()
                    + answer.body().path("unchanged").asInt() != BATCH) {
                throw new BenchException("POST /api/v1/posts/bulk answered " + answer.status() + ": " + answer.body());
            }
            out.printf("  posts %,7d-%,7d: %,6.0f posts/s%n", from, from + BATCH, BATCH / (took / 1e9));
        }
        return new Phase(end - first, nanos, 0, began, CpuReading.of(processes));
    }

    /** pay-equity-service refuses pay for a post it has not heard of yet (422 unknown-reference): wait, then send again. */
    private static Phase sendPayRecords(ApiCalls api, ImportDataSet data, int first, int end, Map<String, ProcessHandle> processes,
            PrintStream out) {
        CpuReading began = CpuReading.of(processes);
        long nanos = 0;
        long waiting = 0;
        long deadline = System.nanoTime() + EVENTS_DEADLINE_MILLIS * 1_000_000;
        for (int from = first; from < end; from += BATCH) {
            Object body = data.payRecords(from, from + BATCH);
            ApiCalls.Accepted accepted = api.untilHeard(token -> api.post("/api/v1/pay-records/bulk", body, token),
                    ApiCalls.Answer::isUnknownReference, deadline, "POST /api/v1/pay-records/bulk");
            nanos += accepted.callNanos();
            waiting += accepted.waitedNanos();
            out.printf("  pay   %,7d-%,7d: %,6.0f records/s%n", from, from + BATCH, BATCH / (accepted.callNanos() / 1e9));
        }
        return new Phase(end - first, nanos, waiting, began, CpuReading.of(processes));
    }

    /** The phases' rates and CPU (on a machine of {@code cores}), warm-up first, and the target judged on the import's. */
    static String report(Phase warmUpPosts, Phase warmUpPayRecords, Phase posts, Phase payRecords, int cores) {
        return String.format("""
                %,d filled posts of %s (on its published role profiles, mixed hours and funding) sent by `%s` through the \
                gateway in batches of %,d (`POST /api/v1/posts/bulk`, each under its own Idempotency-Key; each batch one \
                transaction with its outbox events and audit records), then the pay of each (`POST /api/v1/pay-records/bulk`, \
                same batches) once pay-equity-service had learnt the posts from roles-service's events. One call at a time; \
                rates count only the time from sending a batch to its answer. CPU: what every process of the stack and \
                the bench used over the phase, as a share of the machine's cores, and of it the JIT compilers' threads \
                of every JVM. Before the import, the stack just started was warmed by the same import of %,d other posts \
                and their pay (the first two rows), as a service that has run an import before has compiled its paths.

                | phase | items | time in calls (s) | rate (items/s) | waiting for events (s) | CPU used (%% of the cores) | compiling (%% of the cores) |
                |---|---|---|---|---|---|---|
                %s
                %s
                %s
                %s

                Target: >= 5,000 posts/s: %,.0f%s.
                """, POSTS, ORGANISATION, CLIENT, BATCH, warmUpPosts.items(), row("posts, warming up", warmUpPosts, false, cores),
                row("pay records, warming up", warmUpPayRecords, true, cores), row("posts", posts, false, cores),
                row("pay records", payRecords, true, cores), posts.perSecond(), Benchmark.verdict(posts.perSecond() >= 5_000));
    }

    /** A phase's row; {@code waitsForEvents} when its calls wait for what the events teach (the pay records'). */
    private static String row(String phase, Phase figures, boolean waitsForEvents, int cores) {
        return String.format("| %s | %,d | %.1f | %,.0f |%s| %.0f | %.0f |", phase, figures.items(), figures.nanos() / 1e9,
                figures.perSecond(), waitsForEvents ? String.format(" %.1f ", figures.waitingNanos() / 1e9) : " ",
                100 * figures.ended().shareSince(figures.began(), cores),
                100 * figures.ended().compilingShareSince(figures.began(), cores));
    }
}
