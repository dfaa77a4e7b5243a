package uk.org.lxp.payequity.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;
import uk.org.lxp.payequity.Organisation;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.repository.OrganisationRepository;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.payequity.repository.RoleProfileRepository;
import uk.org.lxp.payequity.service.ParityEvaluationTrigger;

/** Keeps this service's copies of roles-service's organisations, role profiles and posts. */
@ApplicationScoped
public class RolesEventsSubscription {

    static final String ORGANISATION_TOPIC = "lxp.roles.organisation.v1";
    static final String ORGANISATION_REGISTERED = "lxp.roles.OrganisationRegistered";
    static final String ORGANISATION_CHANGED = "lxp.roles.OrganisationChanged";

    static final String ROLE_PROFILE_TOPIC = "lxp.roles.role-profile.v1";
    static final String POST_TOPIC = "lxp.roles.post.v1";

    private final OrganisationRepository organisations;
    private final RoleProfileRepository roleProfiles;
    private final PostRepository posts;
    private final ParityEvaluationTrigger parity;

    RolesEventsSubscription(OrganisationRepository organisations, RoleProfileRepository roleProfiles,
            PostRepository posts, ParityEvaluationTrigger parity) {
        this.organisations = organisations;
        this.roleProfiles = roleProfiles;
        this.posts = posts;
        this.parity = parity;
    }

    @Produces
    @ApplicationScoped
    EventSubscription roleProfiles() {
        EventSubscription.Builder subscription = EventSubscription.named("roles-role-profiles").topic(ROLE_PROFILE_TOPIC);
        for (String type : List.of("Created", "Revised", "Published", "Retired")) {
            subscription.on("lxp.roles.RoleProfile" + type, this::applyRoleProfile);
        }
        return subscription.build();
    }

    @Produces
    @ApplicationScoped
    EventSubscription posts() {
        return EventSubscription.named("roles-posts").topic(POST_TOPIC)
                .on("lxp.roles.PostCreated", this::applyPost)
                .on("lxp.roles.PostChanged", this::applyPost)
                .build();
    }

    void applyRoleProfile(ConsumedEvent event) {
        RoleProfile.State state = event.dataAs(RoleProfile.State.class);
        var held = roleProfiles.findByIdOptional(state.id());
        RoleProfile profile = held.orElseGet(() -> new RoleProfile(state.id()));
        if (profile.apply(state)) {
            parity.request();
        }
        if (held.isEmpty()) {
            roleProfiles.persist(profile);
        }
    }

    void applyPost(ConsumedEvent event) {
        Post.State state = event.dataAs(Post.State.class);
        var held = posts.findByIdOptional(state.id());
        Post post = held.orElseGet(() -> new Post(state.id()));
        LocalDate day = event.time() == null ? LocalDate.now() : event.time().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (post.apply(state, day)) {
            parity.request();
        }
        if (held.isEmpty()) {
            posts.persist(post);
        }
    }

    /** The fields of roles-service's organisation event that this service reads. */
    record OrganisationState(String odsCode, String name, String type, LocalDate validFrom, LocalDate validTo,
            String successorOdsCode, List<Organisation.IcbMembership> icbMemberships, int version, Instant updatedAt) {
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
        if (organisation.apply(state.name(), state.type(), state.validFrom(), state.validTo(), state.successorOdsCode(),
                state.icbMemberships(), state.version(), state.updatedAt())) {
            parity.request();
        }
        if (held.isEmpty()) {
            organisations.persist(organisation);
        }
    }
}
