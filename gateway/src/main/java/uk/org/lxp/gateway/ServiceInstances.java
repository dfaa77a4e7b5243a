package uk.org.lxp.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running instances of one service and a circuit breaker for each. Requests go round the instances in turn,
 * passing over any whose breaker is open, so an instance that stops answering gets no more traffic after a few
 * failures, and one that comes back gets its share again once its half-open trial succeeds.
 */
public final class ServiceInstances {

    /** One instance: where it listens, and whether the gateway is sending it requests. */
    public record Instance(URI url, CircuitBreaker breaker) {
    }

    /** An instance chosen for a request, with the admission its breaker gave (to report the outcome against). */
    public record Pick(Instance instance, CircuitBreaker.Admission admission) {
    }

    private final List<Instance> instances;
    private final AtomicInteger turn = new AtomicInteger();

    public ServiceInstances(String service, List<URI> urls, int failureThreshold, Duration openFor, Clock clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(service + " has no address");
        }
        if (Set.copyOf(urls).size() != urls.size()) {
            throw new IllegalArgumentException(service + " names an instance twice: " + urls);
        }
        this.instances = urls.stream().map(url -> new Instance(url, new CircuitBreaker(failureThreshold, openFor, clock)))
                .toList();
    }

    public List<Instance> instances() {
        return instances;
    }

    /**
     * The next instance in turn that may take a request, leaving out those this request has already tried; empty when
     * none may. Only the instance returned is asked, so no other breaker's half-open trial is taken and left unused.
     * A second try does not take a turn: the next request starts after the failing instance, not at it again.
     */
    public Optional<Pick> pick(Set<Instance> tried) {
        int start = Math.floorMod(tried.isEmpty() ? turn.getAndIncrement() : turn.get(), instances.size());
        for (int i = 0; i < instances.size(); i++) {
            Instance candidate = instances.get((start + i) % instances.size());
            if (tried.contains(candidate)) {
                continue;
            }
            CircuitBreaker.Admission admission = candidate.breaker().admit();
            if (admission.admitted()) {
                return Optional.of(new Pick(candidate, admission));
            }
        }
        return Optional.empty();
    }

    /** How long until some instance's breaker lets a trial through. */
    public Duration retryAfter() {
        return instances.stream().map(instance -> instance.breaker().retryAfter()).min(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
    }
}
