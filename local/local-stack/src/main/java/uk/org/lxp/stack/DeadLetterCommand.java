package uk.org.lxp.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.http.SuiteServices;

/**
 * {@code ./lxp dead-letters}: what the services' consumers parked, and replaying it, through the gateway as an
 * operator would in production ({@code /api/v1/services/<service>/dead-letters}, lxp-admin).
 */
final class DeadLetterCommand {

    static final String USAGE = "usage: ./lxp dead-letters [<service>] | <service> --replay <id>... | <service> --replay-all <consumer>";
    private static final String OPERATOR = "lxp-demo-admin";

    private final String gateway;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    DeadLetterCommand(String gateway, KeycloakTokens tokens, PrintStream out) {
        this.gateway = gateway;
        this.token = tokens.accessToken(OPERATOR);
        this.out = out;
    }

    static int run(StackSettings settings, String gateway, KeycloakTokens tokens, List<String> options, PrintStream out) {
        List<String> services = settings.services().stream().map(SuiteServices.Service::name).toList();
        if (!options.isEmpty() && !services.contains(options.get(0))) {
            throw new StackException("Unknown service " + options.get(0) + "; the services are " + services + "\n" + USAGE);
        }
        DeadLetterCommand command = new DeadLetterCommand(gateway, tokens, out);
        if (options.size() <= 1) {
            int parked = 0;
            for (String service : options.isEmpty() ? services : options) {
                parked += command.list(service);
            }
            return parked == 0 ? 0 : 4;
        }
        String service = options.get(0);
        List<String> rest = options.subList(2, options.size());
        switch (options.get(1)) {
            case "--replay":
                if (rest.isEmpty()) {
                    throw new StackException(USAGE);
                }
                return command.replay(service, Map.of("ids", rest));
            case "--replay-all":
                if (rest.size() != 1) {
                    throw new StackException(USAGE);
                }
                return command.replay(service, Map.of("consumer", rest.get(0)));
            default:
                throw new StackException("Unknown option " + options.get(1) + "\n" + USAGE);
        }
    }

    /** Prints the service's dead letters; returns how many no replay has dealt with. */
    private int list(String service) {
        JsonNode page = call("GET", "/api/v1/services/" + service + "/dead-letters?size=200", null);
        out.println(service + ": " + page.path("totalItems").asInt() + " dead letter(s)");
        int outstanding = 0;
        for (JsonNode letter : page.path("items")) {
            JsonNode replay = letter.path("lastReplay");
            boolean dealtWith = replay.isObject() && !"FAILED".equals(replay.path("result").asText());
            outstanding += dealtWith ? 0 : 1;
            out.printf("  %s  %s  %s %s  parked %s after %d attempt(s): %s%s%n", letter.path("id").asText(),
                    letter.path("consumer").asText(), letter.path("eventType").asText(), letter.path("subject").asText(),
                    letter.path("parkedAt").asText(), letter.path("attempts").asInt(), letter.path("reason").asText(),
                    replay.isObject() ? "  [last replay " + replay.path("result").asText() + " at "
                            + replay.path("replayedAt").asText() + "]" : "");
        }
        return outstanding;
    }

    private int replay(String service, Map<String, Object> selection) {
        JsonNode results = call("POST", "/api/v1/services/" + service + "/dead-letters/replay", selection);
        boolean allDealtWith = true;
        for (JsonNode result : results) {
            String outcome = result.path("result").asText();
            allDealtWith &= !outcome.equals("FAILED");
            out.printf("  %s  %s%s%n", result.path("id").asText(), outcome,
                    result.hasNonNull("detail") ? ": " + result.path("detail").asText() : "");
        }
        if (results.isEmpty()) {
            out.println("  nothing to replay");
        }
        return allDealtWith ? 0 : 4;
    }

    private JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(90))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200) {
                List<String> problem = new ArrayList<>();
                problem.add(answer.path("detail").asText(response.body()));
                answer.path("violations").forEach(v -> problem.add(v.path("field").asText() + " " + v.path("message").asText()));
                throw new StackException(method + " " + path + ": HTTP " + response.statusCode() + " " + String.join("; ", problem));
            }
            return answer;
        } catch (IOException e) {
            throw new StackException("Could not reach the gateway at " + gateway + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted", e);
        }
    }
}
