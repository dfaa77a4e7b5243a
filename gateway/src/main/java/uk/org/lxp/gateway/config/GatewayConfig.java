package uk.org.lxp.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The gateway's settings, under {@code lxp.gateway}. */
@ConfigMapping(prefix = "lxp.gateway")
public interface GatewayConfig {

    /**
     * Where each service of the route table listens, e.g. {@code lxp.gateway.services.roles-service.url}: one address
     * (a load-balanced one such as a Kubernetes Service), or the addresses of its instances separated by commas, which
     * the gateway takes in turn, passing over those that fail.
     */
    Map<String, Service> services();

    RateLimit rateLimit();

    Breaker circuitBreaker();

    Downstream downstream();

    /** The address integrators use; API documents name it as their server. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** Largest request body passed on; a larger declared Content-Length gets 413. */
    @WithDefault("10485760")
    long maxBodyBytes();

    interface Service {
        @WithName("url")
        List<URI> urls();
    }

    /** A token bucket per client: {@code capacity} requests at once, refilled at {@code capacity} per {@code period}. */
    interface RateLimit {
        @WithDefault("100")
        long capacity();

        @WithDefault("1s")
        Duration period();
    }

    /**
     * How many requests the gateway keeps in flight to each service, and how many more it holds back waiting for a
     * connection, and for how long, before it answers 503: a service that falls behind makes callers retry later
     * rather than fill the gateway's memory with requests their callers have long given up on. Both numbers are the
     * gateway's, shared evenly between its event loops, each of which keeps its own connections.
     */
    interface Downstream {
        @WithDefault("200")
        int maxConnections();

        @WithDefault("1000")
        int maxWaiting();

        @WithDefault("2s")
        Duration queueTimeout();
    }

    interface Breaker {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("10s")
        Duration openFor();
    }
}
