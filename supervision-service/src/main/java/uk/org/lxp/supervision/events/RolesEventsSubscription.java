package uk.org.lxp.supervision.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.api.Today;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;
import uk.org.lxp.supervision.Post;
import uk.org.lxp.supervision.RoleProfile;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.RoleProfileRepository;
import uk.org.lxp.supervision.service.ComplianceService;

/**
 * Keeps this service's copies of roles-service's role profiles (the supervision each role needs) and posts (who
 * holds them): a filled post's holder becomes a supervisee, once, however often the event arrives, and their compliance
 * is reviewed when a newer version of a post names them (a repeated or older one changes nothing).
 */
@ApplicationScoped
public class RolesEventsSubscription {

    static final String ROLE_PROFILE_TOPIC = "lxp.roles.role-profile.v1";
    static final String POST_TOPIC = "lxp.roles.post.v1";

    private final RoleProfileRepository roleProfiles;
    private final PostRepository posts;
    private final ComplianceService compliance;
    private final Clock clock;

    RolesEventsSubscription(RoleProfileRepository roleProfiles, PostRepository posts,
            ComplianceService compliance, Clock clock) {
        this.roleProfiles = roleProfiles;
        this.posts = posts;
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
                .onBatch(List.of("lxp.roles.PostCreated", "lxp.roles.PostChanged"), this::applyPosts)
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

    /**
     * A poll's post events together: the posts they name read in one query, each event applied in its order; every
     * holder of a post an event changed becomes a supervisee if they are not one yet, and then their compliance is
     * reviewed, once each, with what the reviews read fetched for all of them together. The reviews see the posts as
     * the poll left them: someone given a post and replaced within one poll becomes a supervisee holding nothing, so
     * is not reviewed, as anyone who no longer holds a post is not.
     */
    void applyPosts(List<ConsumedEvent> events) {
        List<Post.State> states = events.stream().map(event -> event.dataAs(Post.State.class)).toList();
        Map<UUID, Post> known = posts.byId(states.stream().map(Post.State::id).collect(Collectors.toSet()));
        Map<UUID, Post> created = new LinkedHashMap<>();
        Map<String, Set<String>> holdersByOrganisation = new LinkedHashMap<>();
        for (int index = 0; index < events.size(); index++) {
            Post.State state = states.get(index);
            Post post = known.computeIfAbsent(state.id(), id -> created.computeIfAbsent(id, Post::new));
            if (post.apply(state, dayOf(events.get(index))) && post.holderStaffReference() != null) {
                holdersByOrganisation.computeIfAbsent(post.organisationCode(), organisation -> new LinkedHashSet<>())
                        .add(post.holderStaffReference());
            }
        }
        // Persisted once they hold their state, so that Hibernate inserts them in one batch.
        created.values().forEach(posts::persist);
        posts.flush();
        holdersByOrganisation.forEach(compliance::reviewPostHolders);
    }

    private LocalDate dayOf(ConsumedEvent event) {
        return event.time() == null ? Today.in(clock) : LocalDate.ofInstant(event.time(), Today.ENGLAND);
    }
}
