package uk.org.lxp.payequity.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
                .on("lxp.roles.PostCreated", this::applyPost)
                .on("lxp.roles.PostChanged", this::applyPost)
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

    void applyPost(ConsumedEvent event) {
        Post.State state = event.dataAs(Post.State.class);
        var held = posts.findByIdOptional(state.id());
        Post post = held.orElseGet(() -> new Post(state.id()));
        LocalDate day = event.time() == null ? Today.in(clock) : LocalDate.ofInstant(event.time(), Today.ENGLAND);
        if (post.apply(state, day)) {
            parity.request();
        }
        if (held.isEmpty()) {
            posts.persist(post);
        }
    }
}
