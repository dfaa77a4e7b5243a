package uk.org.lxp.gateway.rest;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.lxp.gateway.Route;
import uk.org.lxp.gateway.RouteTable;
import uk.org.lxp.gateway.config.GatewayConfig;
import uk.org.lxp.gateway.service.DownstreamProxy;
import uk.org.lxp.gateway.service.RateLimiter;

/**
 * The public API. Quarkus OIDC validates any bearer token (signature against the cached JWKS, issuer,
 * audience, expiry) before this runs; a request to {@code /api/*} without a valid identity stops here with 401.
 * The rest is matched against the route table, checked for role, rate and size, and proxied.
 */
@ApplicationScoped
public class GatewayRoutes {

    private final RouteTable routes;
    private final DownstreamProxy proxy;
    private final RateLimiter rateLimiter;
    private final long maxBodyBytes;

    GatewayRoutes(RouteTable routes, DownstreamProxy proxy, RateLimiter rateLimiter, GatewayConfig config) {
        this.routes = routes;
        this.proxy = proxy;
        this.rateLimiter = rateLimiter;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
        router.route().failureHandler(this::securityFailure);
    }

    private void handle(RoutingContext context) {
        String requestId = RequestIds.assign(context);
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            unauthorised(context, "A bearer token is required");
            return;
        }
        String method = context.request().method().name();
        RouteTable.Match match = routes.match(method, context.request().path());
        if (match instanceof RouteTable.Found found) {
            authorise(context, identity, found.route(), requestId);
        } else if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            context.response().putHeader("Allow", String.join(", ", notAllowed.allowed()));
            Problems.send(context, 405, "Method Not Allowed", method + " is not offered at this path");
        } else {
            Problems.send(context, 404, "Not Found", "No API is published at " + context.request().path());
        }
    }

    private void authorise(RoutingContext context, SecurityIdentity identity, Route route, String requestId) {
        if (!route.allowsAnyOf(identity.getRoles())) {
            Problems.send(context, 403, "Forbidden",
                    "This operation needs one of the roles " + String.join(", ", route.roles().stream().sorted().toList()));
            return;
        }
        Optional<Duration> wait = rateLimiter.tryConsume(clientId(identity));
        if (wait.isPresent()) {
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            context.response().putHeader("Retry-After", Long.toString(seconds));
            Problems.send(context, 429, "Too Many Requests", "Rate limit reached for this client; retry in " + seconds + " s");
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && isLongerThan(length, maxBodyBytes)) {
            Problems.send(context, 413, "Content Too Large", "Request bodies are limited to " + maxBodyBytes + " bytes");
            return;
        }
        proxy.forward(context, route, requestId);
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    /** Machine clients are limited by client id; people by their subject. */
    private static String clientId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String azp = token.getClaim("azp");
            if (azp != null) {
                return azp;
            }
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** Turns Quarkus security failures on any path into problems, as every gateway error must be. */
    private void securityFailure(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            unauthorised(context, "The bearer token is missing, expired or not valid for this API");
        } else if (failure instanceof ForbiddenException) {
            Problems.send(context, 403, "Forbidden", "Not allowed");
        } else {
            context.next();
        }
    }

    private static void unauthorised(RoutingContext context, String detail) {
        if (!context.response().headWritten()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"lxp\"");
        }
        Problems.send(context, 401, "Unauthorized", detail);
    }
}
