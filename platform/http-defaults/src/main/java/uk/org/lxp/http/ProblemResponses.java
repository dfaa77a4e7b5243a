package uk.org.lxp.http;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes problem documents from the HTTP layer itself, where no JAX-RS exception mapper runs (gateway, security). */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void send(RoutingContext context, ProblemType type, String detail) {
        send(context, type, detail, List.of());
    }

    public static void send(RoutingContext context, ProblemType type, String detail, List<Violation> violations) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            // Part of another answer is on the wire already: the client learns of the failure by the connection closing.
            context.request().connection().close();
            return;
        }
        Problem problem = Problem.of(type, detail, context.request().path(), RequestIds.of(context.request()), violations);
        response.setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(write(problem));
    }

    public static String write(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
