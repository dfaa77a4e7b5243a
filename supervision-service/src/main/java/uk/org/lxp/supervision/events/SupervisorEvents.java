package uk.org.lxp.supervision.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Supervisor;

/** Supervisor changes, keyed by supervisor id. People appear by opaque staff reference only. */
@ApplicationScoped
public class SupervisorEvents {

    public static final String TOPIC = "lxp.supervision.supervisor.v1";
    public static final String REGISTERED = "lxp.supervision.SupervisorRegistered";

    private final Outbox outbox;

    SupervisorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record SupervisorState(UUID id, String organisationCode, String staffReference, boolean livedExperience,
            int maxSupervisees, boolean active, int version) {
    }

    public void registered(Supervisor supervisor) {
        outbox.record(new OutboxEvent("supervisor", supervisor.id().toString(), REGISTERED, TOPIC,
                new SupervisorState(supervisor.id(), supervisor.organisationCode(), supervisor.staffReference(),
                        supervisor.livedExperience(), supervisor.maxSupervisees(), supervisor.active(),
                        supervisor.version())));
    }
}
