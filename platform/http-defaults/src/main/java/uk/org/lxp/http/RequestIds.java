package uk.org.lxp.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request has an X-Request-Id: the caller's when it is sane (the gateway passes on its own), else a new one.
 * It is set on the request, so everything downstream reads the same id, on every response, and in the log context
 * ({@code %X{requestId}}). It runs before authentication, so refusals carry it too.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String LOG_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    /** Before every other filter, including the security ones. */
    private static final int FIRST = Integer.MAX_VALUE;

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, FIRST);
    }

    static void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        MDC.put(LOG_KEY, id);
        context.next();
    }

    /** The id of a request this filter has seen. */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
