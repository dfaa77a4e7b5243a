package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.FundingProgramme;
import uk.org.lxp.roles.Post;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.events.PostEvents;
import uk.org.lxp.roles.events.PostEvents.PostState;
import uk.org.lxp.roles.repository.FundingProgrammeRepository;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.PostRepository;
import uk.org.lxp.roles.repository.RoleProfileRepository;

/** The establishment as HR systems sync it: many posts per call, each created, changed or left as it is. */
@ApplicationScoped
public class PostService {

    public static final int MAX_BULK = 10_000;

    private final PostRepository posts;
    private final RoleProfileRepository profiles;
    private final OrganisationRepository organisations;
    private final FundingProgrammeRepository programmes;
    private final PostEvents events;
    private final Audit audit;
    private final Clock clock;

    PostService(PostRepository posts, RoleProfileRepository profiles, OrganisationRepository organisations,
            FundingProgrammeRepository programmes, PostEvents events, Audit audit, Clock clock) {
        this.posts = posts;
        this.profiles = profiles;
        this.organisations = organisations;
        this.programmes = programmes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** One post of a request; {@code index} is its place in a bulk request, -1 for a single update. */
    public record Item(int index, String postReference, Post.Details details) {
    }

    @Schema(name = "PostBulkOutcome")
    public enum Outcome { CREATED, CHANGED, UNCHANGED }

    @Schema(name = "PostBulkItemResult")
    public record ItemResult(String postReference, UUID id, int version, Outcome outcome) {
    }

    /** What a bulk request did, returned to the HR system as it is. */
    @Schema(name = "PostBulkResult")
    public record Result(int created, int changed, int unchanged, List<ItemResult> posts) {
    }

    /**
     * Creates or updates the organisation's posts by post reference, all or nothing. Only posts that really change
     * get a new version, an event and an audit record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result upsert(String organisation, List<Item> items) {
        if (organisations.findByOdsCode(organisation).isEmpty()) {
            throw UnknownReference.inBody("organisationCode", "Organisation " + organisation + " is not registered");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).postReference())) {
                throw InvalidRequest.inBody("posts[" + i + "].postReference",
                        "Post reference " + items.get(i).postReference() + " appears twice in the request");
            }
        }
        checkRoleProfiles(organisation, items);
        checkProgrammes(organisation, items);
        Map<String, Post> existing = posts.byReference(organisation, seen);
        Instant now = clock.instant();
        List<PostEvents.Change> changes = new ArrayList<>();
        List<Post> created = new ArrayList<>();
        for (Item item : items) {
            Post post = existing.get(item.postReference());
            if (post == null) {
                post = new Post(organisation, item.postReference(), item.details(), now);
                created.add(post);
                changes.add(new PostEvents.Change(PostEvents.CREATED, post));
            } else if (post.update(item.details(), now)) {
                changes.add(new PostEvents.Change(PostEvents.CHANGED, post));
            }
        }
        posts.persist(created);
        posts.flush();
        events.recordAll(changes);
        audit.recordAll(changes.stream()
                .map(change -> new Audit.Entry(change.type().equals(PostEvents.CREATED) ? "post.created" : "post.changed",
                        "post", change.post().id().toString(), PostState.of(change.post())))
                .toList());
        Map<String, Post> createdByReference = created.stream()
                .collect(Collectors.toMap(Post::postReference, Function.identity()));
        Set<Post> changed = changes.stream().map(PostEvents.Change::post).collect(Collectors.toSet());
        List<ItemResult> results = new ArrayList<>(items.size());
        for (Item item : items) {
            Post post = createdByReference.get(item.postReference());
            Outcome outcome = Outcome.CREATED;
            if (post == null) {
                post = existing.get(item.postReference());
                outcome = changed.contains(post) ? Outcome.CHANGED : Outcome.UNCHANGED;
            }
            results.add(new ItemResult(post.postReference(), post.id(), post.version(), outcome));
        }
        int changedCount = changes.size() - created.size();
        return new Result(created.size(), changedCount, items.size() - changes.size(), results);
    }

    /** Changes one post, if the caller has seen its current version. */
    @Transactional
    public Post update(UUID id, String ifMatch, String postReference, Post.Details details, Consumer<Post> mayEdit) {
        Post post = load(id);
        mayEdit.accept(post);
        ETags.requireMatch(ifMatch, post.version());
        if (!post.postReference().equals(postReference)) {
            throw RuleBroken.at("postReference", "A post's reference cannot change: it is " + post.postReference());
        }
        checkRoleProfiles(post.organisationOdsCode(), List.of(new Item(-1, post.postReference(), details)));
        checkProgrammes(post.organisationOdsCode(), List.of(new Item(-1, post.postReference(), details)));
        if (post.update(details, clock.instant())) {
            posts.flush();
            events.recordAll(List.of(new PostEvents.Change(PostEvents.CHANGED, post)));
            audit.record("post.changed", "post", post.id().toString(), PostState.of(post));
        }
        return post;
    }

    public Post load(UUID id) {
        return posts.findByIdOptional(id).orElseThrow(() -> NotFound.of("post", id));
    }

    /** Each item's role profile must exist, be the organisation's own or a national template, and not be retired. */
    private void checkRoleProfiles(String organisation, List<Item> items) {
        Set<UUID> ids = items.stream().map(item -> item.details().roleProfileId()).collect(Collectors.toSet());
        Map<UUID, RoleProfile> found = profiles.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(RoleProfile::id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            UUID id = items.get(i).details().roleProfileId();
            int index = items.get(i).index();
            String field = index < 0 ? "roleProfileId" : "posts[" + index + "].roleProfileId";
            RoleProfile profile = found.get(id);
            if (profile == null) {
                throw UnknownReference.inBody(field, "Role profile " + id + " does not exist");
            }
            if (!profile.isTemplate() && !organisation.equals(profile.ownerOdsCode())) {
                throw RuleBroken.at(field, "Role profile " + id + " belongs to " + profile.ownerOdsCode()
                        + ", not " + organisation + ": adopt or create the organisation's own profile");
            }
            if (profile.status() == RoleProfile.Status.RETIRED) {
                throw RuleBroken.at(field, "Role profile " + id + " is retired and cannot have posts");
            }
        }
    }

    /** A programme an item names must exist and the organisation must be eligible for it. */
    private void checkProgrammes(String organisation, List<Item> items) {
        for (Item item : items) {
            UUID id = item.details().funding().programmeId();
            if (id == null) {
                continue;
            }
            String field = item.index() < 0 ? "funding.programmeId" : "posts[" + item.index() + "].funding.programmeId";
            FundingProgramme programme = programmes.findByIdOptional(id)
                    .orElseThrow(() -> UnknownReference.inBody(field, "Funding programme " + id + " does not exist"));
            if (!programme.isEligible(organisation)) {
                throw RuleBroken.at(field, organisation + " is not eligible for " + programme.name());
            }
        }
    }
}
