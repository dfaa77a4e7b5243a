package uk.org.lxp.gateway.service;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import uk.org.lxp.gateway.CircuitBreaker;
import uk.org.lxp.gateway.Route;
import uk.org.lxp.gateway.config.GatewayConfig;
import uk.org.lxp.http.ProblemResponses;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.RequestIds;

/**
 * Passes a request to the service that owns it and streams the answer back, body for body, without buffering.
 * The caller's bearer token goes with it unchanged: the service validates it again.
 */
@ApplicationScoped
public class DownstreamProxy {

    private static final Logger LOG = Logger.getLogger(DownstreamProxy.class);

    /** Headers that describe one connection, not the message (RFC 9110 section 7.6.1). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final HttpClient client;
    private final Map<String, URI> services = new HashMap<>();
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();

    DownstreamProxy(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                .setConnectTimeout(2_000));
        config.services().forEach((name, service) -> {
            services.put(name, service.url());
            breakers.put(name, new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openFor(), Clock.systemUTC()));
        });
    }

    public void forward(RoutingContext context, Route route, String requestId) {
        CircuitBreaker breaker = breakers.get(route.service());
        if (!breaker.tryAcquire()) {
            long seconds = Math.max(1, (long) Math.ceil(breaker.retryAfter().toMillis() / 1000.0));
            context.response().putHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE,
                    route.service() + " is failing; the gateway is not sending it requests for now");
            return;
        }
        HttpServerRequest in = context.request();
        URI target = services.get(route.service());
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(in.uri())
                .setIdleTimeout(route.timeout().toMillis());
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                breaker.onFailure();
                fail(context, route, connected.cause());
                return;
            }
            HttpClientRequest out = connected.result();
            copyHeaders(in.headers(), out.headers());
            out.putHeader(RequestIds.HEADER, requestId);
            out.putHeader("X-Forwarded-Proto", in.scheme());
            if (in.authority() != null) {
                out.putHeader("X-Forwarded-Host", in.authority().toString());
            }
            boolean hasBody = in.headers().contains("Content-Length") || in.headers().contains("Transfer-Encoding");
            var sent = hasBody ? out.send(in) : out.send();
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    breaker.onFailure();
                    fail(context, route, answered.cause());
                    return;
                }
                relay(context, answered.result(), breaker);
            });
        });
    }

    private static void relay(RoutingContext context, HttpClientResponse response, CircuitBreaker breaker) {
        if (response.statusCode() >= 500) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        HttpServerResponse reply = context.response();
        reply.setStatusCode(response.statusCode());
        if (response.statusMessage() != null) {
            reply.setStatusMessage(response.statusMessage());
        }
        copyHeaders(response.headers(), reply.headers());
        if (!response.headers().contains("Content-Length")) {
            reply.setChunked(true);
        }
        response.pipeTo(reply);
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase()) && !header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static void fail(RoutingContext context, Route route, Throwable cause) {
        HttpServerResponse reply = context.response();
        if (reply.closed() || reply.ended()) {
            // The caller hung up (wrk's last requests, a client's timeout): there is no one left to answer.
            return;
        }
        if (isTimeout(cause)) {
            ProblemResponses.send(context, ProblemType.GATEWAY_TIMEOUT,
                    route.service() + " did not answer within " + route.timeout().toMillis() + " ms");
        } else if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
            ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE, route.service() + " is not reachable");
        } else {
            LOG.warnf("Proxying to %s failed: %s", route.service(), cause.toString());
            ProblemResponses.send(context, ProblemType.BAD_GATEWAY, route.service() + " failed to answer");
        }
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")
                || String.valueOf(cause.getMessage()).contains("timeout period");
    }
}
