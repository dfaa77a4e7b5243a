package uk.org.lxp.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops sending requests to a service that keeps failing, so callers get a quick 503 instead of waiting for
 * timeouts, and the gateway's connections stay free for the healthy services. After {@code openFor} one trial
 * request is let through; its success closes the breaker, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Whether a request may go to the service, and whether it goes as the half-open breaker's one trial. */
    public enum Admission {
        REFUSED, REGULAR, TRIAL;

        public boolean admitted() {
            return this != REFUSED;
        }
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a request may go to the service now. */
    public synchronized Admission admit() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> Admission.REGULAR;
            case OPEN -> Admission.REFUSED;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield Admission.REFUSED;
                }
                trialInFlight = true;
                yield Admission.TRIAL;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    /**
     * A request let through that says nothing about the service: its caller hung up, or the gateway was too busy to
     * send it. If it was the half-open breaker's trial, another trial may go instead of waiting for ever for this
     * one's verdict; any other request leaves the breaker as it is.
     */
    public synchronized void onAbandoned(Admission admission) {
        if (admission == Admission.TRIAL && state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    /** How long until the breaker lets a trial through; zero unless open. */
    public synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(openFor));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized State state() {
        return state;
    }
}
