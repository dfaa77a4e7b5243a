package uk.org.lxp.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import uk.org.lxp.events.EventsConfig;

/** Not ready while events wait longer than allowed: the service's changes are not reaching anyone. */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final OutboxBacklog backlog;
    private final EventsConfig config;

    OutboxReadinessCheck(OutboxBacklog backlog, EventsConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("outbox");
        try {
            OutboxBacklog.Snapshot snapshot = backlog.current();
            boolean fresh = snapshot.oldestAge().compareTo(config.relay().maxBacklogAge()) <= 0;
            return builder.status(fresh)
                    .withData("unpublished", snapshot.count())
                    .withData("oldestAgeSeconds", snapshot.oldestAge().toSeconds())
                    .withData("maxAgeSeconds", config.relay().maxBacklogAge().toSeconds())
                    .build();
        } catch (IllegalStateException e) {
            return builder.down().withData("error", e.getMessage()).build();
        }
    }
}
