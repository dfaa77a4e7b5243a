package uk.org.lxp.gateway.service;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import uk.org.lxp.gateway.CircuitBreaker;
import uk.org.lxp.gateway.Route;
import uk.org.lxp.gateway.ServiceInstances;
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

    private final List<EventLoopClient> clients = new ArrayList<>();
    private final Duration queueTimeout;
    private final Map<String, ServiceInstances> services = new HashMap<>();

    /**
     * A client, with its own connections, for one event loop and used from it alone. Vert.x's pool lends a free
     * connection whatever event loop it belongs to, so with one client a request's call to the service and its answer
     * were handed between threads, a wake-up each way: a fifth of the gateway's CPU per request, measured beside B1
     * (docs/performance.md). As nginx keeps connections per worker, the gateway keeps them per event loop.
     */
    private record EventLoopClient(EventExecutor loop, HttpClient client) {
    }

    DownstreamProxy(Vertx vertx, GatewayConfig config) {
        this.queueTimeout = config.downstream().queueTimeout();
        List<EventExecutor> loops = new ArrayList<>();
        vertx.nettyEventLoopGroup().forEach(loops::add);
        for (int index = 0; index < loops.size(); index++) {
            // The queue timeout also runs while a new connection is being opened: a shorter TCP connect timeout makes
            // an unreachable instance fail as unreachable (counted by its breaker), not as busy.
            clients.add(new EventLoopClient(loops.get(index), vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) Math.min(2_000, queueTimeout.toMillis() / 2)), new PoolOptions()
                    .setHttp1MaxSize(shareOf(config.downstream().maxConnections(), loops.size(), index))
                    .setMaxWaitQueueSize(shareOf(config.downstream().maxWaiting(), loops.size(), index)))));
        }
        config.services().forEach((name, service) -> services.put(name, new ServiceInstances(name, service.urls(),
                config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor(), Clock.systemUTC())));
    }

    /**
     * Event loop {@code index}'s share of one of the gateway's limits: the limit divided evenly, the first loops taking
     * one more each for what does not divide, so that the shares add up to the limit; at least one each, as a pool
     * needs a connection (a limit below the number of loops is exceeded); a limit that is not positive means none
     * (Vert.x's unbounded wait queue) and is every loop's.
     */
    static int shareOf(int limit, int loops, int index) {
        if (limit <= 0) {
            return limit;
        }
        return Math.max(1, limit / loops + (index < limit % loops ? 1 : 0));
    }

    /**
     * The client of the event loop this runs on. A request is handled on its connection's event loop, and a retry
     * runs in a callback of the client it used, on the same loop; off an event loop (never, as the routes stand) the
     * first loop's client serves, handing its work to that loop.
     */
    HttpClient client() {
        for (EventLoopClient candidate : clients) {
            if (candidate.loop().inEventLoop()) {
                return candidate.client();
            }
        }
        return clients.get(0).client();
    }

    /** The instances of a service and the state of their breakers. */
    public ServiceInstances instancesOf(String service) {
        return services.get(service);
    }

    /**
     * Sends the request on to an instance of the service once a connection to it is free, and relays the answer. An
     * instance that cannot be reached or is too busy to take the request is passed over for the next (nothing was
     * sent to it), and so is one that drops a read without a body before answering; other requests are not sent
     * twice. The caller hears the service is busy once no instance could take the request and at least one was busy
     * (worth trying again soon); a request passed over waits up to the queue timeout at each busy instance. If the
     * caller hangs up first, the request goes no further: once it reaches the head of the queue its connection goes
     * back to the pool unused, and a request already sent is reset, so the service's and the gateway's capacity goes
     * to callers still waiting.
     */
    public void forward(RoutingContext context, Route route, String requestId) {
        // Set and read on this request's event loop; a holder for the lambdas, not for sharing between threads.
        AtomicReference<HttpClientRequest> sending = new AtomicReference<>();
        context.addEndHandler(ended -> {
            HttpClientRequest out = sending.get();
            if (ended.failed() && out != null) {
                out.reset();
            }
        });
        forward(context, route, requestId, sending, new HashSet<>(), null);
    }

    private void forward(RoutingContext context, Route route, String requestId,
            AtomicReference<HttpClientRequest> sending, Set<ServiceInstances.Instance> tried, Throwable lastFailure) {
        ServiceInstances instances = services.get(route.service());
        Optional<ServiceInstances.Pick> pick = instances.pick(tried);
        if (pick.isEmpty()) {
            if (lastFailure != null && isBusy(lastFailure)) {
                context.response().putHeader("Retry-After", "1");
                ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE,
                        route.service() + " is busy; the gateway is holding back requests to it");
                return;
            }
            if (lastFailure != null) {
                fail(context, route, lastFailure);
                return;
            }
            long seconds = Math.max(1, (long) Math.ceil(instances.retryAfter().toMillis() / 1000.0));
            context.response().putHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE,
                    route.service() + " is failing; the gateway is not sending it requests for now");
            return;
        }
        ServiceInstances.Instance instance = pick.get().instance();
        CircuitBreaker breaker = instance.breaker();
        CircuitBreaker.Admission admission = pick.get().admission();
        tried.add(instance);
        HttpServerRequest in = context.request();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(instance.url().getHost())
                .setPort(instance.url().getPort())
                .setURI(in.uri())
                .setConnectTimeout(queueTimeout.toMillis())
                .setIdleTimeout(route.timeout().toMillis());
        client().request(options).onComplete(connected -> {
            if (callerGone(context)) {
                if (connected.succeeded()) {
                    connected.result().reset();
                }
                breaker.onAbandoned(admission);
                return;
            }
            if (connected.failed()) {
                Throwable cause = connected.cause();
                if (isBusy(cause)) {
                    // Nothing was sent: another instance may have a connection free.
                    breaker.onAbandoned(admission);
                } else {
                    breaker.onFailure();
                }
                forward(context, route, requestId, sending, tried, toReport(lastFailure, cause));
                return;
            }
            HttpClientRequest out = connected.result();
            sending.set(out);
            copyHeaders(in.headers(), out.headers());
            out.putHeader(RequestIds.HEADER, requestId);
            out.putHeader("X-Forwarded-Proto", in.scheme());
            if (in.authority() != null) {
                out.putHeader("X-Forwarded-Host", in.authority().toString());
            }
            boolean hasBody = in.headers().contains("Content-Length") || in.headers().contains("Transfer-Encoding");
            var sent = hasBody ? out.send(in) : out.send();
            sent.onComplete(answered -> {
                if (callerGone(context)) {
                    // The end handler has reset the request already, when the caller's connection closed.
                    breaker.onAbandoned(admission);
                    return;
                }
                if (answered.failed()) {
                    breaker.onFailure();
                    // A body has been sent and cannot be sent again; a read without one can go to the next instance.
                    if (isRead(in) && !hasBody && !isTimeout(answered.cause())) {
                        sending.set(null);
                        forward(context, route, requestId, sending, tried, toReport(lastFailure, answered.cause()));
                        return;
                    }
                    fail(context, route, answered.cause());
                    return;
                }
                relay(context, route, answered.result(), breaker);
            });
        });
    }

    /**
     * What the caller is told if no instance is left to try: that the service is busy, once any instance was (it is
     * worth retrying soon), else the latest failure.
     */
    private static Throwable toReport(Throwable earlier, Throwable latest) {
        return earlier != null && isBusy(earlier) ? earlier : latest;
    }

    /** All connections to the instance are in use and the gateway sheds the request; this says nothing against it. */
    private static boolean isBusy(Throwable cause) {
        return !isUnreachable(cause) && (cause instanceof ConnectionPoolTooBusyException || isTimeout(cause));
    }

    /** A request that changes nothing, so one an instance dropped may go to another without doing anything twice. */
    private static boolean isRead(HttpServerRequest in) {
        return in.method() == HttpMethod.GET || in.method() == HttpMethod.HEAD;
    }

    /**
     * Streams the service's answer to the caller with back-pressure. Should the service fail mid-body, the caller's
     * connection is reset, so a truncated answer never looks complete; should the caller go, nothing more is written.
     */
    private static void relay(RoutingContext context, Route route, HttpClientResponse response, CircuitBreaker breaker) {
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
        response.handler(chunk -> {
            if (callerGone(context)) {
                return;
            }
            reply.write(chunk);
            if (reply.writeQueueFull()) {
                response.pause();
                reply.drainHandler(drained -> response.resume());
            }
        });
        response.endHandler(done -> {
            if (!callerGone(context)) {
                reply.end();
            }
        });
        response.exceptionHandler(failure -> {
            if (!callerGone(context)) {
                LOG.warnf("Relaying %s's answer to %s broke off: %s", route.service(), context.request().path(), failure.toString());
                reply.reset();
            }
        });
    }

    private static boolean callerGone(RoutingContext context) {
        return context.response().closed() || context.response().ended();
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase()) && !header.getKey().equalsIgnoreCase(RequestIds.HEADER)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    private static void fail(RoutingContext context, Route route, Throwable cause) {
        if (isUnreachable(cause)) {
            ProblemResponses.send(context, ProblemType.SERVICE_UNAVAILABLE, route.service() + " is not reachable");
        } else if (isTimeout(cause)) {
            ProblemResponses.send(context, ProblemType.GATEWAY_TIMEOUT,
                    route.service() + " did not answer within " + route.timeout().toMillis() + " ms");
        } else {
            LOG.warnf("Proxying to %s failed: %s", route.service(), cause.toString());
            ProblemResponses.send(context, ProblemType.BAD_GATEWAY, route.service() + " failed to answer");
        }
    }

    private static boolean isUnreachable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException;
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")
                || String.valueOf(cause.getMessage()).contains("timeout period");
    }
}
