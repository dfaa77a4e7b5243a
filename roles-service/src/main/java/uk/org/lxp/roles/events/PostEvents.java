package uk.org.lxp.roles.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.roles.Post;

/** Post changes, keyed by post id, carrying the full post; the holder appears as an opaque staff reference only. */
@ApplicationScoped
public class PostEvents {

    public static final String TOPIC = "lxp.roles.post.v1";
    public static final String CREATED = "lxp.roles.PostCreated";
    public static final String CHANGED = "lxp.roles.PostChanged";

    private final Outbox outbox;

    PostEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record PostState(UUID id, String organisationCode, String postReference, UUID roleProfileId, BigDecimal fte,
            String team, Post.Status status, Post.Funding funding, String holderStaffReference, LocalDate holderSince,
            LocalDate vacantSince,
            int version,
            Instant createdAt, Instant updatedAt) {

        public static PostState of(Post post) {
            Post.Details d = post.details();
            return new PostState(post.id(), post.organisationOdsCode(), post.postReference(), d.roleProfileId(), d.fte(),
                    d.team(), d.status(), d.funding(), d.holderStaffReference(), d.holderSince(), d.vacantSince(), post.version(), post.createdAt(),
                    post.updatedAt());
        }
    }

    public record Change(String type, Post post) {
    }

    public void recordAll(List<Change> changes) {
        outbox.recordAll(changes.stream()
                .map(change -> new OutboxEvent("post", change.post().id().toString(), change.type(), TOPIC,
                        PostState.of(change.post())))
                .toList());
    }
}
