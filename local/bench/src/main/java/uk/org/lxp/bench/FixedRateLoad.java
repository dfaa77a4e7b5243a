package uk.org.lxp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Requests sent at a fixed rate whatever the answers do, each timed from when it was due rather than when it left, so
 * a stall counts against every request it delayed (no coordinated omission). wrk cannot hold a rate, hence this.
 */
final class FixedRateLoad {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of a run, the kind it is reported under, and the status that means it succeeded. */
    record Call(String kind, HttpRequest request, int expectedStatus) {
    }

    /**
     * What became of one request: when it was due (from the run's start), how long after that its answer came, its
     * status (0 when none came) and, when it failed, why (the problem's type, or the transport's error).
     */
    record Outcome(String kind, long dueNanos, long latencyNanos, int status, String failure) {

        boolean failed() {
            return failure != null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    /**
     * Java's HttpClient completes each answer on CompletableFuture's default executor, which with a common pool of
     * one thread starts a thread for every answer, enough to make the load generator a busy process of its own on two
     * cores; {@code ./lxp bench} gives the common pool at least two.
     */
    FixedRateLoad() {
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            throw new BenchException("the common pool has one thread, so every answer would start a thread: run the bench "
                    + "with ./lxp bench (or -Djava.util.concurrent.ForkJoinPool.common.parallelism=2)");
        }
    }

    /** One GET, expected to answer 200, at {@code perSecond}: the distribution of its response times. */
    Latencies run(String url, String token, int perSecond, Duration duration) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        List<Outcome> outcomes = run(index -> new Call("GET", request, 200), perSecond, duration);
        return Latencies.answered(outcomes);
    }

    /**
     * Sends the calls {@code callAt} gives for each request's index, taken when it is due, at {@code perSecond} for
     * {@code duration}. The outcomes are returned in the order the requests were due.
     */
    List<Outcome> run(IntFunction<Call> callAt, int perSecond, Duration duration) {
        int count = (int) (perSecond * duration.toSeconds());
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(count);
        String[] kinds = new String[count];
        CompletableFuture<?>[] sent = new CompletableFuture<?>[count];
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < count; i++) {
            long due = start + dueOffset(i, perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Call call = callAt.apply(index);
            kinds[i] = call.kind();
            CompletableFuture<HttpResponse<byte[]>> sending = http.sendAsync(call.request(), bodyUnlessAsExpected(call));
            sent[i] = sending;
            answers[i] = sending.whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                outcomes.set(index, error != null
                        ? new Outcome(call.kind(), due - start, latency, 0, transportFailure(error))
                        : new Outcome(call.kind(), due - start, latency, response.statusCode(),
                                response.statusCode() == call.expectedStatus() ? null : problemOf(response)));
            });
        }
        try {
            CompletableFuture.allOf(answers).exceptionally(failed -> null)
                    .get(CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT).toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException stillWaiting) {
            // Counted below as failures: a client would have given up on them long since.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("the fixed-rate run was interrupted", e);
        } catch (ExecutionException e) {
            throw new BenchException("the fixed-rate run failed: " + e.getMessage(), e);
        }
        List<Outcome> all = new ArrayList<>(count);
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome == null) {
                sent[i].cancel(true);
                long dueOffset = dueOffset(i, perSecond);
                outcome = new Outcome(kinds[i], dueOffset, now - (start + dueOffset), 0, "no answer");
            }
            all.add(outcome);
        }
        return all;
    }

    /** When request {@code index} is due after the first, exactly: a rounded interval would drift over a long run. */
    private static long dueOffset(int index, int perSecond) {
        return index * TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    /** The answer's body is kept only when it is not the expected one, to say why; the rest is read and dropped. */
    private static HttpResponse.BodyHandler<byte[]> bodyUnlessAsExpected(Call call) {
        return answer -> answer.statusCode() == call.expectedStatus()
                ? HttpResponse.BodySubscribers.replacing(new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT);
    }

    /** What stopped an answer coming, e.g. "HttpTimeoutException" (the client's own wrapping taken off). */
    private static String transportFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName();
    }

    /** "status type" of a refused request, e.g. "422 .../unknown-reference", so that failures can be told apart. */
    private static String problemOf(HttpResponse<byte[]> response) {
        String type = "";
        try {
            JsonNode body = JSON.readTree(response.body());
            type = body == null ? "" : body.path("type").asText("");
        } catch (IOException notJson) {
            type = "(not JSON)";
        }
        return (response.statusCode() + " " + type).strip();
    }
}
