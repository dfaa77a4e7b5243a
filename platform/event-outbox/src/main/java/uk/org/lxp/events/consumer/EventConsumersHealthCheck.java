package uk.org.lxp.events.consumer;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** A consumer thread that has died will not come back by itself: the service must be restarted. */
@Liveness
@ApplicationScoped
public class EventConsumersHealthCheck implements HealthCheck {

    private final EventConsumers consumers;

    EventConsumersHealthCheck(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> stopped = consumers.stopped();
        return HealthCheckResponse.named("event-consumers")
                .status(stopped.isEmpty())
                .withData("stopped", String.join(",", stopped))
                .build();
    }
}
