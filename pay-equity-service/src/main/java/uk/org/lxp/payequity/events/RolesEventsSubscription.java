package uk.org.lxp.payequity.events;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;
import uk.org.lxp.payequity.Organisation;
import uk.org.lxp.payequity.repository.OrganisationRepository;

/** Keeps this service's copy of roles-service's organisations. */
@ApplicationScoped
public class RolesEventsSubscription {

    static final String ORGANISATION_TOPIC = "lxp.roles.organisation.v1";
    static final String ORGANISATION_REGISTERED = "lxp.roles.OrganisationRegistered";
    static final String ORGANISATION_CHANGED = "lxp.roles.OrganisationChanged";

    private final OrganisationRepository organisations;

    RolesEventsSubscription(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The fields of roles-service's organisation event that this service reads. */
    record OrganisationState(String odsCode, String name, String type, LocalDate validFrom, LocalDate validTo,
            String successorOdsCode, int version, Instant updatedAt) {
    }

    @Produces
    @ApplicationScoped
    EventSubscription organisations() {
        return EventSubscription.named("roles-organisations")
                .topic(ORGANISATION_TOPIC)
                .on(ORGANISATION_REGISTERED, this::applyOrganisation)
                .on(ORGANISATION_CHANGED, this::applyOrganisation)
                .build();
    }

    void applyOrganisation(ConsumedEvent event) {
        OrganisationState state = event.dataAs(OrganisationState.class);
        var held = organisations.findByIdOptional(state.odsCode());
        Organisation organisation = held.orElseGet(() -> new Organisation(state.odsCode()));
        organisation.apply(state.name(), state.type(), state.validFrom(), state.validTo(), state.successorOdsCode(),
                state.version(), state.updatedAt());
        if (held.isEmpty()) {
            organisations.persist(organisation);
        }
    }
}
