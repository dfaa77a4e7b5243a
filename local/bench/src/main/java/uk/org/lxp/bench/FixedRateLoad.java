package uk.org.lxp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent at a fixed rate whatever the answers do, each timed from when it was due rather than when it left, so
 * a stall counts against every request it delayed (no coordinated omission). wrk cannot hold a rate, hence this.
 */
final class FixedRateLoad {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Latencies run(String url, String token, int perSecond, Duration duration) {
        int count = (int) (perSecond * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] nanos = new long[count];
        AtomicLong failures = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            answers[i] = http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                nanos[index] = System.nanoTime() - due;
                if (error != null || response.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            });
        }
        try {
            CompletableFuture.allOf(answers).exceptionally(failed -> null).get(ANSWER_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new BenchException("answers still outstanding " + ANSWER_TIMEOUT.toSeconds() + " s after the last request to " + url);
        } catch (Exception e) {
            throw new BenchException("the fixed-rate run against " + url + " failed: " + e.getMessage(), e);
        }
        return Latencies.of(nanos, failures.get());
    }
}
