package uk.org.lxp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** JSON calls as one client of the realm, through the gateway or straight to a service, each with a fresh token. */
final class ApiCalls {

    record Answer(int status, JsonNode body) {

        /** 422 unknown-reference: the service has not yet learnt from events what the call refers to. */
        /** This answer if it is 200; any other stops the run, naming {@code what} was asked. */
        Answer orStop(String what) {
            if (status != 200) {
                throw new BenchException(what + " answered " + status + ": " + body);
            }
            return this;
        }

        boolean isUnknownReference() {
            return status == 422 && body.path("type").asText().endsWith("unknown-reference");
        }
    }

    /** A call accepted at last: its answer, how long it took, and the time spent on refused tries and pauses before it. */
    record Accepted(Answer answer, long callNanos, long waitedNanos) {
    }

    private static final long RETRY_PAUSE_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final BenchStack stack;
    private final String baseUrl;
    private final String client;

    ApiCalls(BenchStack stack, String baseUrl, String client) {
        this.stack = stack;
        this.baseUrl = baseUrl;
        this.client = client;
    }

    JsonNode get(String path) {
        return get(path, stack.token(client));
    }

    /** A GET with a token taken beforehand, for timed calls; anything but 200 stops the run. */
    JsonNode get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token).orStop("GET " + path).body();
    }

    /** A PUT, which replaces what it names and so needs no idempotency key. */
    Answer put(String path, Object body, String token) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), token);
        } catch (IOException e) {
            throw new BenchException("Could not write the body of PUT " + path + ": " + e.getMessage(), e);
        }
    }

    /** A fresh token, taken before the clock of a timed call starts. */
    String token() {
        return stack.token(client);
    }

    /** A POST under an idempotency key of its own, as an HR system sends a batch. */
    Answer post(String path, Object body, String token) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))), token);
        } catch (IOException e) {
            throw new BenchException("Could not write the body of POST " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a call (given a fresh token, taken before its clock starts) until it is answered 200, waiting while the
     * answer says the service has not heard of something yet; any other answer, or the deadline
     * ({@link System#nanoTime()}), stops the run.
     */
    Accepted untilHeard(Function<String, Answer> call, Predicate<Answer> notYetHeard, long deadlineNanos, String what) {
        long waited = 0;
        while (true) {
            String token = token();
            long started = System.nanoTime();
            Answer answer = call.apply(token);
            long took = System.nanoTime() - started;
            if (answer.status() == 200) {
                return new Accepted(answer, took, waited);
            }
            if (!notYetHeard.test(answer) || System.nanoTime() > deadlineNanos) {
                throw new BenchException(what + " answered " + answer.status() + ": " + answer.body());
            }
            long pauseStarted = System.nanoTime();
            Pauses.pause(RETRY_PAUSE_MILLIS);
            waited += took + (System.nanoTime() - pauseStarted);
        }
    }

    private Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new BenchException("A call to " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted", e);
        }
    }
}
