package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import uk.org.lxp.stack.StackSettings;

/**
 * B4: a trust's HR system syncing 100,000 posts through the gateway in batches, each batch one transaction with its
 * outbox events and audit records, then the pay of every post once pay-equity-service has learnt the posts from those
 * events. Timed per call, from sending the batch to its answer; the wait for events is counted apart.
 */
final class ImportBenchmark implements Benchmark {

    private static final String ORGANISATION = "RGD";
    private static final String CLIENT = "hr-rgd";
    private static final int POSTS = 100_000;
    private static final int BATCH = 5_000;
    private static final long EVENTS_DEADLINE_MILLIS = 10 * 60 * 1000;

    private record Phase(long items, long nanos, long waitingNanos) {
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
        Phase posts;
        Phase payRecords;
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, out)) {
            ApiCalls api = new ApiCalls(stack, stack.settings().url(StackSettings.Port.GATEWAY), CLIENT);
            ImportDataSet data = ImportDataSet.onPublishedProfiles(api, ORGANISATION);
            posts = sendPosts(api, data, out);
            payRecords = sendPayRecords(api, data, out);
        }
        return report(posts, payRecords);
    }

    private static Phase sendPosts(ApiCalls api, ImportDataSet data, PrintStream out) {
        long nanos = 0;
        for (int from = 0; from < POSTS; from += BATCH) {
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
        return new Phase(POSTS, nanos, 0);
    }

    /** pay-equity-service refuses pay for a post it has not heard of yet (422 unknown-reference): wait, then send again. */
    private static Phase sendPayRecords(ApiCalls api, ImportDataSet data, PrintStream out) {
        long nanos = 0;
        long waiting = 0;
        long deadline = System.nanoTime() + EVENTS_DEADLINE_MILLIS * 1_000_000;
        for (int from = 0; from < POSTS; from += BATCH) {
            Object body = data.payRecords(from, from + BATCH);
            ApiCalls.Accepted accepted = api.untilHeard(token -> api.post("/api/v1/pay-records/bulk", body, token),
                    ApiCalls.Answer::isUnknownReference, deadline, "POST /api/v1/pay-records/bulk");
            nanos += accepted.callNanos();
            waiting += accepted.waitedNanos();
            out.printf("  pay   %,7d-%,7d: %,6.0f records/s%n", from, from + BATCH, BATCH / (accepted.callNanos() / 1e9));
        }
        return new Phase(POSTS, nanos, waiting);
    }

    private static String report(Phase posts, Phase payRecords) {
        return String.format("""
                %,d filled posts of %s (on its published role profiles, mixed hours and funding) sent by `%s` through the \
                gateway in batches of %,d (`POST /api/v1/posts/bulk`, each under its own Idempotency-Key; each batch one \
                transaction with its outbox events and audit records), then the pay of each (`POST /api/v1/pay-records/bulk`, \
                same batches) once pay-equity-service had learnt the posts from roles-service's events. One call at a time; \
                rates count only the time from sending a batch to its answer.

                | phase | items | time in calls (s) | rate (items/s) | waiting for events (s) |
                |---|---|---|---|---|
                | posts | %,d | %.1f | %,.0f | |
                | pay records | %,d | %.1f | %,.0f | %.1f |

                Target: >= 5,000 posts/s: %,.0f%s.
                """, POSTS, ORGANISATION, CLIENT, BATCH,
                posts.items(), posts.nanos() / 1e9, posts.perSecond(),
                payRecords.items(), payRecords.nanos() / 1e9, payRecords.perSecond(), payRecords.waitingNanos() / 1e9,
                posts.perSecond(), Benchmark.verdict(posts.perSecond() >= 5_000));
    }
}
