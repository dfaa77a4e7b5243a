package uk.org.lxp.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * HTTP through the gateway as one client at a time, the way an integrating system calls it: a bearer token per
 * client, JSON both ways, and every unexpected answer turned into a {@link DemoDataException} that says which
 * call failed and what the problem document said.
 */
final class GatewayCalls {

    /** Longer than the gateway's longest route timeout (120 s), so the gateway's own 504 arrives first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    private static final int THROTTLED_ATTEMPTS = 5;
    private static final int PAGE_SIZE = 200;

    private final URI gateway;
    private final ClientTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    GatewayCalls(URI gateway, ClientTokens tokens, ObjectMapper json) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same request always gets the same Idempotency-Key, and a different request a different one. */
    String idempotencyKey(String purpose, Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "demo-" + purpose + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not derive an Idempotency-Key", e);
        }
    }

    /** A caller with a fresh token: tokens live five minutes, so each phase of the load takes its own. */
    Caller as(String clientId) {
        return new Caller(clientId);
    }

    /**
     * A response: its status, its JSON body (or the text, if it was not JSON), its ETag and its Retry-After, if
     * any, and whether it is the stored response to an earlier request with the same Idempotency-Key.
     */
    record Reply(int status, JsonNode body, String etag, Duration retryAfter, boolean replayed) {

        /** The problem document's detail, or the body as text when there is none. */
        String detail() {
            if (body.hasNonNull("detail")) {
                return body.get("detail").asText();
            }
            return body.isTextual() ? body.asText() : body.toString();
        }
    }

    final class Caller {

        private final String clientId;
        private String token;

        private Caller(String clientId) {
            this.clientId = clientId;
        }

        /** {@code alsoExpected}: statuses besides 2xx the caller handles itself (e.g. 404 for "not there yet"). */
        Reply get(String path, int... alsoExpected) {
            return send("GET", path, null, null, Map.of(), alsoExpected);
        }

        Reply post(String path, Object body, Map<String, String> headers, int... alsoExpected) {
            return send("POST", path, body, null, headers, alsoExpected);
        }

        /** A POST that changes an existing resource, e.g. recording a decision on a profile. */
        Reply post(String path, Object body, String ifMatch) {
            return send("POST", path, body, ifMatch, Map.of());
        }

        Reply put(String path, Object body, String ifMatch) {
            return send("PUT", path, body, ifMatch, Map.of());
        }

        /** A POST that changes a resource with no body, e.g. publishing a profile. */
        Reply postEmpty(String path, String ifMatch) {
            return send("POST", path, null, ifMatch, Map.of());
        }

        /** Every item of a paged list, following pages until the total is reached. */
        List<JsonNode> allPages(String path) {
            List<JsonNode> items = new ArrayList<>();
            String separator = path.contains("?") ? "&" : "?";
            for (int page = 0; ; page++) {
                JsonNode body = get(path + separator + "page=" + page + "&size=" + PAGE_SIZE).body();
                body.path("items").forEach(items::add);
                if (body.path("items").isEmpty() || items.size() >= body.path("totalItems").asLong()) {
                    return items;
                }
            }
        }

        /** The exception for a reply the loader cannot go on from. */
        DemoDataException failure(String method, String path, Reply reply) {
            StringBuilder message = new StringBuilder(method + " " + path + " as " + clientId + " failed: HTTP "
                    + reply.status());
            if (reply.body().hasNonNull("title")) {
                message.append(' ').append(reply.body().get("title").asText());
            }
            String detail = reply.detail();
            if (!detail.isBlank()) {
                message.append(": ").append(detail.length() > 1000 ? detail.substring(0, 1000) + "…" : detail);
            }
            for (JsonNode violation : reply.body().path("violations")) {
                message.append("; ").append(violation.path("field").asText()).append(' ')
                        .append(violation.path("message").asText());
            }
            return new DemoDataException(message.toString());
        }

        private Reply send(String method, String path, Object body, String ifMatch, Map<String, String> headers,
                int... alsoExpected) {
            byte[] payload = body == null ? null : write(body);
            Reply reply = exchange(method, path, payload, ifMatch, headers, false);
            if (reply.status() == 401) {
                // The token may have expired during a long wait: one more try with a new one.
                reply = exchange(method, path, payload, ifMatch, headers, true);
            }
            // The gateway's rate limit (429) and its open circuit breaker (503) say when to come back.
            for (int attempt = 1; attempt < THROTTLED_ATTEMPTS && reply.retryAfter() != null; attempt++) {
                Duration retryAfter = reply.retryAfter();
                Deadline.pause(retryAfter.compareTo(LONGEST_BACK_OFF) < 0 ? retryAfter : LONGEST_BACK_OFF);
                reply = exchange(method, path, payload, ifMatch, headers, false);
            }
            int status = reply.status();
            if (status / 100 != 2 && Arrays.stream(alsoExpected).noneMatch(expected -> expected == status)) {
                throw failure(method, path, reply);
            }
            return reply;
        }

        private Reply exchange(String method, String path, byte[] payload, String ifMatch, Map<String, String> headers,
                boolean newToken) {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token(newToken))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(payload));
            if (payload != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                boolean comeBackLater = response.statusCode() == 429 || response.statusCode() == 503;
                OptionalLong retryAfter = response.headers().firstValueAsLong("Retry-After");
                boolean replayed = response.headers().firstValue("Idempotent-Replayed")
                        .filter("true"::equalsIgnoreCase).isPresent();
                return new Reply(response.statusCode(), parse(response.body()),
                        response.headers().firstValue("ETag").orElse(null),
                        comeBackLater && retryAfter.isPresent() ? Duration.ofSeconds(retryAfter.getAsLong()) : null,
                        replayed);
            } catch (IOException e) {
                throw new DemoDataException(method + " " + path + " as " + clientId
                        + ": could not reach the gateway at " + gateway + " (" + e + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoDataException("Interrupted during " + method + " " + path, e);
            }
        }

        private String token(boolean renew) {
            if (token == null || renew) {
                try {
                    token = tokens.accessToken(clientId);
                } catch (RuntimeException e) {
                    throw new DemoDataException("Could not get an access token for client " + clientId + ": "
                            + e.getMessage(), e);
                }
            }
            return token;
        }

        private JsonNode parse(byte[] body) {
            if (body.length == 0) {
                return MissingNode.getInstance();
            }
            try {
                return json.readTree(body);
            } catch (IOException notJson) {
                return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
            }
        }

        private byte[] write(Object body) {
            try {
                return json.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not write a request body as JSON", e);
            }
        }
    }
}
