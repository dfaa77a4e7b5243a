package uk.org.lxp.gateway.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import uk.org.lxp.gateway.config.GatewayConfig;

/** A token bucket per client id (Bucket4j), so one busy integration cannot starve the others. */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit limit;

    RateLimiter(GatewayConfig config) {
        this.limit = config.rateLimit();
    }

    /** Empty if the request may pass; otherwise how long the client must wait. */
    public java.util.Optional<Duration> tryConsume(String clientId) {
        ConsumptionProbe probe = buckets.computeIfAbsent(clientId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? java.util.Optional.empty()
                : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }
}
