package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * How fast this service works off a backlog of roles-service's post events: 10,000 filled posts of one trust, each
 * with a new holder who becomes a supervisee whose compliance is reviewed, published at once on the real broker and
 * applied by the service's consumers as in production (a poll's events in one transaction, two members of the
 * group). Every post and supervisee is checked to be there; the rate is reported, never asserted. Run with
 * {@code ./mvnw -pl supervision-service -am verify -Pbenchmark -Dtest=PostEventsBenchmarkTest}; figures in
 * {@code supervision-service/target/benchmark/post-events.properties}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class PostEventsBenchmarkTest {

    private static final int WARM_UP_POSTS = 10_000;
    private static final int POSTS = 10_000;

    @Inject
    SupervisionWorld world;

    @Inject
    EntityManager entities;

    @Test
    void aBacklogOfPostEventsIsWorkedOff() throws IOException {
        world.organisation("BNCH1");
        UUID profile = world.peerSupportProfile("BNCH1");
        workOff("BNCH1", profile, WARM_UP_POSTS);
        Duration took = workOff("BNCH1", profile, POSTS);

        double rate = POSTS / (took.toNanos() / 1e9);
        Properties figures = new Properties();
        figures.setProperty("posts", Integer.toString(POSTS));
        figures.setProperty("seconds", String.format("%.2f", took.toNanos() / 1e9));
        figures.setProperty("events-per-second", Long.toString(Math.round(rate)));
        Path out = Path.of("target", "benchmark", "post-events.properties");
        Files.createDirectories(out.getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            figures.store(writer, "PostEventsBenchmarkTest");
        }
        figures.forEach((key, value) -> System.out.println("[benchmark] post-events." + key + " = " + value));
    }

    /** Publishes that many new filled posts and returns the time from the first send to the last supervisee known. */
    private Duration workOff(String organisation, UUID profile, int posts) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> postsById = new LinkedHashMap<>();
        for (int i = 0; i < posts; i++) {
            UUID postId = UUID.randomUUID();
            postsById.put(postId.toString(), """
                    {"id":"%s","organisationCode":"%s","postReference":"P-%s","roleProfileId":"%s","fte":0.6,
                     "status":"FILLED","holderStaffReference":"B-%s-%d","version":0}
                    """.formatted(postId, organisation, postId.toString().substring(0, 8), profile, batch, i));
        }
        long start = System.nanoTime();
        world.topics().publishCloudEvents(SupervisionWorld.POSTS, "lxp.roles.PostCreated", SupervisionWorld.ROLES_SOURCE,
                postsById);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> supervisees(organisation, batch) == posts);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(count("SELECT count(*) FROM post WHERE organisation_code = ?1 AND holder_staff_reference LIKE ?2",
                organisation, "B-" + batch + "-%")).isEqualTo(posts);
        return took;
    }

    private long supervisees(String organisation, String batch) {
        return count("SELECT count(*) FROM supervisee WHERE organisation_code = ?1 AND staff_reference LIKE ?2",
                organisation, "B-" + batch + "-%");
    }

    private long count(String sql, String organisation, String pattern) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql)
                .setParameter(1, organisation).setParameter(2, pattern).getSingleResult()).longValue());
    }
}
