package uk.org.lxp.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;

/** Feeds the directory from roles-service's organisation topic. */
@ApplicationScoped
class OrganisationEventsSubscription {

    static final String TOPIC = "lxp.roles.organisation.v1";
    static final String REGISTERED = "lxp.roles.OrganisationRegistered";
    static final String CHANGED = "lxp.roles.OrganisationChanged";

    private final Organisations organisations;
    private final Event<OrganisationChanged> changes;

    OrganisationEventsSubscription(Organisations organisations, Event<OrganisationChanged> changes) {
        this.organisations = organisations;
        this.changes = changes;
    }

    /** The fields of roles-service's organisation event that the directory reads. */
    record OrganisationState(String odsCode, String name, String type, LocalDate validFrom, LocalDate validTo,
            String successorOdsCode, List<DirectoryOrganisation.IcbMembership> icbMemberships, int version,
            Instant updatedAt) {
    }

    @Produces
    @ApplicationScoped
    EventSubscription organisationDirectory() {
        return EventSubscription.named("organisation-directory").topic(TOPIC)
                .on(REGISTERED, this::apply)
                .on(CHANGED, this::apply)
                .build();
    }

    void apply(ConsumedEvent event) {
        OrganisationState state = event.dataAs(OrganisationState.class);
        DirectoryOrganisation organisation = new DirectoryOrganisation(state.odsCode(), state.name(), state.type(),
                state.validFrom(), state.validTo(), state.successorOdsCode(), state.icbMemberships());
        if (organisations.apply(organisation, state.version(), state.updatedAt())) {
            changes.fire(new OrganisationChanged(state.odsCode()));
        }
    }
}
