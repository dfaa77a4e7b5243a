package uk.org.lxp.gateway.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/** Every request gets an X-Request-Id (the caller's, if it is sane) that the services and the logs see too. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String CONTEXT_KEY = "lxp.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    public static String assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(CONTEXT_KEY, id);
        context.response().putHeader(HEADER, id);
        return id;
    }
}
