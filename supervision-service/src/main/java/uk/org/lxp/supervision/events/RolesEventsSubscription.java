package uk.org.lxp.supervision.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.api.Today;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;
import uk.org.lxp.supervision.Post;
import uk.org.lxp.supervision.RoleProfile;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.RoleProfileRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.service.ComplianceService;

/**
 * Keeps this service's copies of roles-service's role profiles (the supervision each role needs) and posts (who
 * holds them): a filled post's holder becomes a supervisee, once, however often the event arrives, and their compliance
 * is reviewed.
 */
@ApplicationScoped
public class RolesEventsSubscription {

    static final String ROLE_PROFILE_TOPIC = "lxp.roles.role-profile.v1";
    static final String POST_TOPIC = "lxp.roles.post.v1";

    private final RoleProfileRepository roleProfiles;
    private final PostRepository posts;
    private final SuperviseeRepository supervisees;
    private final ComplianceService compliance;
    private final Clock clock;

    RolesEventsSubscription(RoleProfileRepository roleProfiles, PostRepository posts, SuperviseeRepository supervisees,
            ComplianceService compliance, Clock clock) {
        this.roleProfiles = roleProfiles;
        this.posts = posts;
        this.supervisees = supervisees;
        this.compliance = compliance;
        this.clock = clock;
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
                // The busy topic: a trust's bulk import brings thousands of post events at once.
                .members(2)
                .on("lxp.roles.PostCreated", this::applyPost)
                .on("lxp.roles.PostChanged", this::applyPost)
                .build();
    }

    void applyRoleProfile(ConsumedEvent event) {
        RoleProfile.State state = event.dataAs(RoleProfile.State.class);
        var held = roleProfiles.findByIdOptional(state.id());
        RoleProfile profile = held.orElseGet(() -> new RoleProfile(state.id()));
        profile.apply(state);
        if (held.isEmpty()) {
            roleProfiles.persist(profile);
        }
    }

    void applyPost(ConsumedEvent event) {
        Post.State state = event.dataAs(Post.State.class);
        var held = posts.findByIdOptional(state.id());
        Post post = held.orElseGet(() -> new Post(state.id()));
        LocalDate day = event.time() == null ? Today.in(clock) : LocalDate.ofInstant(event.time(), Today.ENGLAND);
        post.apply(state, day);
        if (held.isEmpty()) {
            posts.persist(post);
        }
        if (post.holderStaffReference() != null
                && supervisees.find(post.organisationCode(), post.holderStaffReference()).isEmpty()) {
            supervisees.persist(new Supervisee(post.organisationCode(), post.holderStaffReference(), clock.instant()));
        }
        if (post.holderStaffReference() != null) {
            posts.flush();
            compliance.reviewPerson(post.organisationCode(), post.holderStaffReference());
        }
    }
}
