package uk.org.lxp.gateway.rest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem responses for what the gateway itself refuses or fails at. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static void send(RoutingContext context, int status, String title, String detail) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.request().connection().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("status", status)
                .put("title", title)
                .put("detail", detail)
                .put("instance", context.request().path());
        String requestId = context.get(RequestIds.CONTEXT_KEY);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(problem.encode());
    }
}
