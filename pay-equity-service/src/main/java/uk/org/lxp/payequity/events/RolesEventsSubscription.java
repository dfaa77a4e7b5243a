package uk.org.lxp.payequity.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.api.Today;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.events.consumer.EventSubscription;
import uk.org.lxp.payequity.FundingProgramme;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.RoleProfile;
import uk.org.lxp.payequity.repository.FundingProgrammeRepository;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.payequity.repository.RoleProfileRepository;
import uk.org.lxp.payequity.service.ParityEvaluationTrigger;

/**
 * Keeps this service's copies of roles-service's role profiles, posts and funding programmes (organisations: the
 * organisation directory).
 */
@ApplicationScoped
public class RolesEventsSubscription {

    static final String ROLE_PROFILE_TOPIC = "lxp.roles.role-profile.v1";
    static final String POST_TOPIC = "lxp.roles.post.v1";
    static final String FUNDING_PROGRAMME_TOPIC = "lxp.roles.funding-programme.v1";

    private final RoleProfileRepository roleProfiles;
    private final PostRepository posts;
    private final FundingProgrammeRepository programmes;
    private final ParityEvaluationTrigger parity;
    private final Clock clock;

    RolesEventsSubscription(RoleProfileRepository roleProfiles, PostRepository posts,
            FundingProgrammeRepository programmes, ParityEvaluationTrigger parity, Clock clock) {
        this.roleProfiles = roleProfiles;
        this.posts = posts;
        this.programmes = programmes;
        this.parity = parity;
        this.clock = clock;
    }

    @Produces
    @ApplicationScoped
    EventSubscription roleProfiles() {
        EventSubscription.Builder subscription = EventSubscription.named("roles-role-profiles").topic(ROLE_PROFILE_TOPIC);
        for (String type : List.of("Created", "Revised", "Published", "Retired", "Evaluated")) {
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

    @Produces
    @ApplicationScoped
    EventSubscription fundingProgrammes() {
        return EventSubscription.named("roles-funding-programmes").topic(FUNDING_PROGRAMME_TOPIC)
                .on("lxp.roles.FundingProgrammeRecorded", this::applyFundingProgramme)
                .on("lxp.roles.FundingApplicationRecorded", this::applyFundingProgramme)
                .build();
    }

    void applyFundingProgramme(ConsumedEvent event) {
        FundingProgramme.State state = event.dataAs(FundingProgramme.State.class);
        var held = programmes.findByIdOptional(state.id());
        FundingProgramme programme = held.orElseGet(() -> new FundingProgramme(state.id()));
        if (programme.apply(state)) {
            parity.request();
        }
        if (held.isEmpty()) {
            programmes.persist(programme);
        }
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

    /**
     * A poll's post events together: the posts they name read in one query, each event applied in its order, the new
     * posts persisted once they hold their state, so Hibernate writes them in one batch. Hibernate inserts before it
     * updates: should one post take a reference another gives up in the same poll, the unique reference fails the
     * batch and the library applies its events again one at a time.
     */
    void applyPosts(List<ConsumedEvent> events) {
        List<Post.State> states = events.stream().map(event -> event.dataAs(Post.State.class)).toList();
        Map<UUID, Post> held = posts.byId(states.stream().map(Post.State::id).collect(Collectors.toSet()));
        Map<UUID, Post> created = new LinkedHashMap<>();
        boolean changed = false;
        for (int index = 0; index < events.size(); index++) {
            Post.State state = states.get(index);
            Post post = held.get(state.id());
            if (post == null) {
                post = new Post(state.id());
                held.put(post.id(), post);
                created.put(post.id(), post);
            }
            changed |= post.apply(state, dayOf(events.get(index)));
        }
        created.values().forEach(posts::persist);
        if (changed) {
            parity.request();
        }
    }

    private LocalDate dayOf(ConsumedEvent event) {
        return event.time() == null ? Today.in(clock) : LocalDate.ofInstant(event.time(), Today.ENGLAND);
    }
}
