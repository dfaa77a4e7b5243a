package uk.org.lxp.payequity.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.payequity.Post;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * The posts subscription's handler given a poll's events in one call, as the consumer gives them: called directly,
 * so a fault cannot hide behind the library applying a failed batch again one event at a time.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class PostEventsAppliedTogetherTest {

    @Inject
    RolesEventsSubscription subscription;

    @Inject
    PostRepository posts;

    @Inject
    ObjectMapper json;

    private final String organisation =
            ("Y" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();

    @Test
    void postsCreatedAndChangedInOneCallAreKeptAtTheirLatestVersionAndAStaleVersionChangesNothing() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                event("lxp.roles.PostCreated", first, "REF-1", "1.00", 0),
                event("lxp.roles.PostCreated", second, "REF-2", "1.00", 0),
                event("lxp.roles.PostChanged", first, "REF-1", "0.60", 1),
                event("lxp.roles.PostChanged", second, "REF-2", "0.40", 1))));

        assertThat(held(first).sourceVersion()).isEqualTo(1);
        assertThat(held(first).fte()).isEqualByComparingTo("0.60");
        assertThat(held(second).sourceVersion()).isEqualTo(1);
        assertThat(held(second).fte()).isEqualByComparingTo("0.40");

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                event("lxp.roles.PostChanged", first, "REF-1", "0.80", 3),
                event("lxp.roles.PostChanged", first, "REF-1", "0.90", 2))));

        assertThat(held(first).sourceVersion()).isEqualTo(3);
        assertThat(held(first).fte()).isEqualByComparingTo("0.80");
        assertThat(held(second).fte()).isEqualByComparingTo("0.40");
    }

    private Post held(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> posts.findById(id));
    }

    private ConsumedEvent event(String type, UUID post, String reference, String fte, int version) {
        String data = """
                {"id":"%s","organisationCode":"%s","postReference":"%s","roleProfileId":"%s","fte":%s,
                 "team":"North","status":"FILLED","funding":{"kind":"RECURRENT","endDate":null},
                 "holderStaffReference":"E-%s","version":%d}
                """.formatted(post, organisation, reference, UUID.randomUUID(), fte, reference, version);
        try {
            return new ConsumedEvent(UUID.randomUUID().toString(), type, "/lxp/roles-service", post.toString(),
                    Instant.now(), null, null, json.readTree(data), RolesEventsSubscription.POST_TOPIC, 0, 0,
                    json.reader());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
