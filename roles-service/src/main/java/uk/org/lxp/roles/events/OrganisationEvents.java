package uk.org.lxp.roles.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.roles.IcbMembership;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

/** Organisation changes for other services and dashboards, keyed by ODS code, carrying the full state. */
@ApplicationScoped
public class OrganisationEvents {

    public static final String TOPIC = "lxp.roles.organisation.v1";
    public static final String REGISTERED = "lxp.roles.OrganisationRegistered";
    public static final String CHANGED = "lxp.roles.OrganisationChanged";

    private final Outbox outbox;

    OrganisationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event data: organisations are not personal data, so all of it may travel. */
    public record OrganisationState(UUID id, String odsCode, String name, OrganisationType type, String gssCode,
            LocalDate validFrom, LocalDate validTo, String successorOdsCode, List<IcbMembership> icbMemberships,
            int version, Instant updatedAt) {

        public static OrganisationState of(Organisation organisation) {
            return new OrganisationState(organisation.id(), organisation.odsCode(), organisation.name(),
                    organisation.type(), organisation.gssCode(), organisation.validFrom(), organisation.validTo(),
                    organisation.successorOdsCode(), organisation.icbMemberships(), organisation.version(),
                    organisation.updatedAt());
        }
    }

    public void registered(Organisation organisation) {
        record(REGISTERED, organisation);
    }

    public void changed(Organisation organisation) {
        record(CHANGED, organisation);
    }

    private void record(String type, Organisation organisation) {
        outbox.record(new OutboxEvent("organisation", organisation.odsCode(), type, TOPIC,
                OrganisationState.of(organisation)));
    }
}
