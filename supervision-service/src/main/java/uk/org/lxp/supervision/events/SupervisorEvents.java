package uk.org.lxp.supervision.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Supervisor;

/**
 * Supervisor changes, keyed by supervisor id: an internal topic (staff references). The work email is never
 * published: it stays in this service, for calendar invitations.
 */
@ApplicationScoped
public class SupervisorEvents {

    public static final String TOPIC = "lxp.supervision.supervisor.v1";
    public static final String REGISTERED = "lxp.supervision.SupervisorRegistered";
    public static final String CHANGED = "lxp.supervision.SupervisorChanged";
    public static final String OVER_CAPACITY = "lxp.supervision.SupervisorOverCapacity";
    public static final String WITHIN_CAPACITY = "lxp.supervision.SupervisorWithinCapacity";

    private final Outbox outbox;

    SupervisorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record SupervisorState(UUID id, String organisationCode, String staffReference, boolean livedExperience,
            String lxpFamily, String lxpLevel, int maxSupervisees, boolean overCapacity, boolean active, int version) {

        static SupervisorState of(Supervisor supervisor) {
            return new SupervisorState(supervisor.id(), supervisor.organisationCode(), supervisor.staffReference(),
                    supervisor.livedExperience(), supervisor.lxpFamily(), supervisor.lxpLevel(),
                    supervisor.maxSupervisees(), supervisor.overCapacity(), supervisor.active(), supervisor.version());
        }
    }

    public void record(String type, Supervisor supervisor) {
        outbox.record(new OutboxEvent("supervisor", supervisor.id().toString(), type, TOPIC,
                SupervisorState.of(supervisor)));
    }
}
