package uk.org.lxp.gateway.rest;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.lxp.gateway.Route;
import uk.org.lxp.gateway.RouteTable;
import uk.org.lxp.gateway.config.GatewayConfig;
import uk.org.lxp.gateway.service.DownstreamProxy;
import uk.org.lxp.gateway.service.RateLimiter;
import uk.org.lxp.http.ProblemResponses;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.RequestIds;
import uk.org.lxp.http.SecurityFailures;

/**
 * The public API. Quarkus OIDC validates any bearer token (signature against the cached JWKS, issuer,
 * audience, expiry) before this runs (an invalid token is refused by http-defaults' SecurityFailures); a request to
 * {@code /api/*} without a token stops here with 401, unless its route is public (a calendar feed, whose token the
 * service checks).
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
    }

    private void handle(RoutingContext context) {
        String requestId = RequestIds.of(context.request());
        String method = context.request().method().name();
        // Matched on the normalised path (no "..", no "//"), as the service will route it.
        String path = context.normalizedPath();
        RouteTable.Match match = routes.match(method, path);
        if (match instanceof RouteTable.Found found && found.route().isPublic()) {
            limitThenForward(context, "address:" + context.request().remoteAddress().hostAddress(), found.route(), requestId);
            return;
        }
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            SecurityFailures.unauthorised(context, "A bearer token is required");
            return;
        }
        if (match instanceof RouteTable.Found found) {
            authorise(context, identity, found.route(), requestId);
        } else if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            context.response().putHeader("Allow", String.join(", ", notAllowed.allowed()));
            ProblemResponses.send(context, ProblemType.METHOD_NOT_ALLOWED, method + " is not offered at " + path);
        } else {
            ProblemResponses.send(context, ProblemType.NOT_FOUND, "Nothing is published at " + path);
        }
    }

    private void authorise(RoutingContext context, SecurityIdentity identity, Route route, String requestId) {
        if (!route.allowsAnyOf(identity.getRoles())) {
            ProblemResponses.send(context, ProblemType.FORBIDDEN,
                    "This operation needs one of the roles " + String.join(", ", route.roles().stream().sorted().toList()));
            return;
        }
        limitThenForward(context, clientId(identity), route, requestId);
    }

    /** Within the caller's rate and the size limit, the request goes on to the route's service. */
    private void limitThenForward(RoutingContext context, String caller, Route route, String requestId) {
        Optional<Duration> wait = rateLimiter.tryConsume(caller);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            context.response().putHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.send(context, ProblemType.TOO_MANY_REQUESTS, "Rate limit reached for this client; retry in " + seconds + " s");
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && isLongerThan(length, maxBodyBytes)) {
            ProblemResponses.send(context, ProblemType.CONTENT_TOO_LARGE, "Request bodies are limited to " + maxBodyBytes + " bytes");
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
}
