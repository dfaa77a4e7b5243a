package uk.org.lxp.roles.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

/** Organisation changes for other services and dashboards, keyed by ODS code, carrying the full state. */
@ApplicationScoped
public class OrganisationEvents {

    public static final String TOPIC = "lxp.roles.organisation.v1";
    public static final String REGISTERED = "lxp.roles.OrganisationRegistered";

    private final Outbox outbox;

    OrganisationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event data: organisations are not personal data, so all of it may travel. */
    public record OrganisationState(UUID id, String odsCode, String name, OrganisationType type, LocalDate validFrom,
            LocalDate validTo, String successorOdsCode, int version, Instant updatedAt) {

        static OrganisationState of(Organisation organisation) {
            return new OrganisationState(organisation.id(), organisation.odsCode(), organisation.name(),
                    organisation.type(), organisation.validFrom(), organisation.validTo(),
                    organisation.successorOdsCode(), organisation.version(), organisation.updatedAt());
        }
    }

    public void registered(Organisation organisation) {
        outbox.record(new OutboxEvent("organisation", organisation.odsCode(), REGISTERED, TOPIC,
                OrganisationState.of(organisation)));
    }
}
