package uk.org.lxp.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an HR system and a dashboard do to the suite while faults are injected: one thread writes a new post of RGD
 * every {@code pace} through the gateway, sending a write that is not accepted again with the same Idempotency-Key
 * until it is; another reads posts, pay records and supervisors in turn at the same pace. It records what the clients
 * saw: each write's attempts and failures and when it was accepted, and every read that failed.
 */
final class SteadyLoad implements AutoCloseable {

    /** A write as its client saw it; {@code postId} is null if it was never accepted. */
    record Write(String postReference, Instant firstSent, Instant accepted, int attempts, List<String> failures,
            String postId) {

        boolean isAccepted() {
            return postId != null;
        }

        Duration timeToAccept() {
            return Duration.between(firstSent, accepted);
        }
    }

    record FailedRead(Instant at, String path, String failure) {
    }

    /** Longer than the gateway takes to answer on its own (queue time, then the route's timeout), as an HR system waits. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    static final List<String> READS = List.of("/api/v1/posts?organisation=RGD&size=1",
            "/api/v1/pay-records?organisation=RGD&size=1", "/api/v1/supervisors?organisation=RGD&size=1");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String gateway;
    private final Supplier<String> token;
    private final UUID roleProfile;
    private final Duration pace;
    private final String runId = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<FailedRead> failedReads = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile int reads;
    private volatile Duration slowestRead = Duration.ZERO;

    SteadyLoad(String gateway, Supplier<String> token, UUID roleProfile, Duration pace) {
        this.gateway = gateway;
        this.token = token;
        this.roleProfile = roleProfile;
        this.pace = pace;
    }

    void start() {
        running = true;
        threads.add(new Thread(this::writeUntilStopped, "steady-writes"));
        threads.add(new Thread(this::readUntilStopped, "steady-reads"));
        threads.forEach(Thread::start);
    }

    /** Stops sending new requests and returns once the write in hand is accepted or given up. */
    List<Write> stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(GIVE_UP_AFTER.plusMinutes(1).toMillis());
        }
        return List.copyOf(writes);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<FailedRead> failedReads() {
        return List.copyOf(failedReads);
    }

    int reads() {
        return reads;
    }

    /** The longest a read took to be answered, failed or not. */
    Duration slowestRead() {
        return slowestRead;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void writeUntilStopped() {
        for (int number = 1; running; number++) {
            Instant due = Instant.now().plus(pace);
            writes.add(writeUntilAccepted(String.format("FAULT-%s-%05d", runId, number)));
            pauseUntil(due);
        }
    }

    private Write writeUntilAccepted(String reference) {
        String body = toJson(Map.of("organisationCode", "RGD", "posts", List.of(Map.of(
                "postReference", reference, "roleProfileId", roleProfile, "fte", 0.6, "team", "Community Mental Health",
                "status", "VACANT", "funding", Map.of("kind", "RECURRENT")))));
        String key = UUID.randomUUID().toString();
        Instant first = Instant.now();
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/posts/bulk"))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    String postId = json.readTree(answer.body()).path("posts").path(0).path("id").asText();
                    return new Write(reference, first, Instant.now(), attempt, failures, postId);
                }
                failures.add(answer.statusCode() + " " + abbreviated(answer.body()));
            } catch (IOException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Write(reference, first, Instant.now(), attempt, failures, null);
            }
            if (Duration.between(first, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
                return new Write(reference, first, Instant.now(), attempt, failures, null);
            }
            pauseUntil(Instant.now().plus(RETRY_PAUSE));
        }
    }

    private void readUntilStopped() {
        for (int turn = 0; running; turn++) {
            Instant due = Instant.now().plus(pace);
            String path = READS.get(turn % READS.size());
            Instant sent = Instant.now();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token.get()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    failedReads.add(new FailedRead(Instant.now(), path, answer.statusCode() + " " + abbreviated(answer.body())));
                }
            } catch (IOException e) {
                failedReads.add(new FailedRead(Instant.now(), path, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            reads++;
            Duration took = Duration.between(sent, Instant.now());
            if (took.compareTo(slowestRead) > 0) {
                slowestRead = took;
            }
            pauseUntil(due);
        }
    }

    /** Paces the clients; never used to wait for the suite to reach a state. */
    private static void pauseUntil(Instant due) {
        long nanos = Duration.between(Instant.now(), due).toNanos();
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
