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
    /**
     * The import begins once the stack uses less than this share of the cores over a second: supervision-service
     * applies the warm-up's post events after pay-equity-service has taken their pay, and would otherwise share the
     * measured import's cores with that leftover work.
     */
    private static final double QUIET_SHARE = 0.25;
    private static final long QUIET_DEADLINE_MILLIS = 120_000;
    private static final int BATCH = 5_000;
    private static final long EVENTS_DEADLINE_MILLIS = 10 * 60 * 1000;

    /** How long the import waited for the stack to be quiet after the warm-up, and whether it was by the deadline. */
    record QuietWait(double seconds, boolean quiet) {
    }

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
        QuietWait quietWait;
        int cores = Runtime.getRuntime().availableProcessors();
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, out)) {
            ApiCalls api = new ApiCalls(stack, stack.settings().url(StackSettings.Port.GATEWAY), CLIENT);
            ImportDataSet data = ImportDataSet.onPublishedProfiles(api, ORGANISATION);
            Map<String, ProcessHandle> processes = stack.processes();
            out.printf("Warming up: %,d other posts and their pay%n", WARM_UP_POSTS);
            warmUpPosts = sendPosts(api, data, POSTS, POSTS + WARM_UP_POSTS, processes, out);
            warmUpPayRecords = sendPayRecords(api, data, POSTS, POSTS + WARM_UP_POSTS, processes, out);
            quietWait = awaitQuiet(processes, cores);
            out.printf("Importing %,d posts and their pay (the stack %s after %.0f s)%n", POSTS,
                    quietWait.quiet() ? "quiet" : "still busy", quietWait.seconds());
            posts = sendPosts(api, data, 0, POSTS, processes, out);
            payRecords = sendPayRecords(api, data, 0, POSTS, processes, out);
        }
        return report(warmUpPosts, warmUpPayRecords, quietWait, posts, payRecords, cores);
    }

    private static QuietWait awaitQuiet(Map<String, ProcessHandle> processes, int cores) {
        long started = System.nanoTime();
        long deadline = started + QUIET_DEADLINE_MILLIS * 1_000_000;
        CpuReading earlier = CpuReading.of(processes);
        while (System.nanoTime() < deadline) {
            Pauses.pause(1_000);
            CpuReading now = CpuReading.of(processes);
            if (now.shareSince(earlier, cores) < QUIET_SHARE) {
                return new QuietWait((System.nanoTime() - started) / 1e9, true);
            }
            earlier = now;
        }
        return new QuietWait((System.nanoTime() - started) / 1e9, false);
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
    static String report(Phase warmUpPosts, Phase warmUpPayRecords, QuietWait quietWait, Phase posts, Phase payRecords, int cores) {
        return String.format("""
                %,d filled posts of %s (on its published role profiles, mixed hours and funding) sent by `%s` through the \
                gateway in batches of %,d (`POST /api/v1/posts/bulk`, each under its own Idempotency-Key; each batch one \
                transaction with its outbox events and audit records), then the pay of each (`POST /api/v1/pay-records/bulk`, \
                same batches) once pay-equity-service had learnt the posts from roles-service's events. One call at a time; \
                rates count only the time from sending a batch to its answer. CPU: what every process of the stack and \
                the bench used over the phase, as a share of the machine's cores, and of it the JIT compilers' threads \
                of every JVM. Before the import, the stack just started was warmed by the same import of %,d other posts \
                and their pay (the first two rows), as a service that has run an import before has compiled its paths, \
                and the import began once the stack used less than %.0f%% of the cores over a second, its consumers done \
                with the warm-up's events: %s.

                | phase | items | time in calls (s) | rate (items/s) | waiting for events (s) | CPU used (%% of the cores) | compiling (%% of the cores) |
                |---|---|---|---|---|---|---|
                %s
                %s
                %s
                %s

                CPU used during the import's posts phase (%.0f s), by process with what it started (the bench's own \
                process sends the batches): %s.

                Target: >= 5,000 posts/s: %,.0f%s.
                """, POSTS, ORGANISATION, CLIENT, BATCH, warmUpPosts.items(), 100 * QUIET_SHARE,
                quietWait.quiet() ? String.format("after %.0f s", quietWait.seconds())
                        : String.format("it was still busy after %.0f s, so the import shared the cores with that work", quietWait.seconds()),
                row("posts, warming up", warmUpPosts, false, cores),
                row("pay records, warming up", warmUpPayRecords, true, cores), row("posts", posts, false, cores),
                row("pay records", payRecords, true, cores), posts.ended().wallSecondsSince(posts.began()),
                CpuReading.byProcess(posts.ended().secondsByProcessSince(posts.began())), posts.perSecond(), Benchmark.verdict(posts.perSecond() >= 5_000));
    }

    /** A phase's row; {@code waitsForEvents} when its calls wait for what the events teach (the pay records'). */
    private static String row(String phase, Phase figures, boolean waitsForEvents, int cores) {
        return String.format("| %s | %,d | %.1f | %,.0f |%s| %s", phase, figures.items(), figures.nanos() / 1e9,
                figures.perSecond(), waitsForEvents ? String.format(" %.1f ", figures.waitingNanos() / 1e9) : " ",
                figures.ended().cellsSince(figures.began(), cores));
    }
}
