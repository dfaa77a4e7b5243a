package uk.org.lxp.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns the HTTP layer's security refusals into problem documents, so that a service called directly answers 401
 * and 403 exactly as the gateway does, never with an empty body.
 */
@ApplicationScoped
public class SecurityFailures {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(SecurityFailures::handle);
    }

    static void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorised(context, "The bearer token is missing, expired or not valid for this API");
        } else if (failure instanceof ForbiddenException) {
            ProblemResponses.send(context, ProblemType.FORBIDDEN, "The token's roles do not allow this");
        } else {
            context.next();
        }
    }

    /** 401 with the challenge RFC 6750 asks for. */
    public static void unauthorised(RoutingContext context, String detail) {
        if (!context.response().headWritten()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"lxp\"");
        }
        ProblemResponses.send(context, ProblemType.UNAUTHORIZED, detail);
    }
}
