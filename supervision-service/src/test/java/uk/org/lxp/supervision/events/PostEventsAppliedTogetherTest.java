package uk.org.lxp.supervision.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.events.consumer.ConsumedEvent;
import uk.org.lxp.supervision.Post;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.repository.PostRepository;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * The posts subscription's handler given a poll's events in one call, as the consumer gives them: called directly,
 * so a fault cannot hide behind the library applying a failed batch again one event at a time.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class PostEventsAppliedTogetherTest {

    private static final Instant LONG_AGO = LocalDate.now().minusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Inject
    RolesEventsSubscription subscription;

    @Inject
    PostRepository posts;

    @Inject
    SuperviseeRepository supervisees;

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    private final String organisation =
            ("Y" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
    private final String otherOrganisation =
            ("Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
    private final UUID profile = UUID.randomUUID();

    @Test
    void holdersOfPostsAppliedInOneCallBecomeSuperviseesOnceEachAndAreReviewedAtTheirLatestPosts() {
        publishedProfileNeedingPeerSupervision();
        UUID changedHands = UUID.randomUUID();
        UUID alsoHeldByTheFirst = UUID.randomUUID();
        UUID newStartersPost = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                postEvent("lxp.roles.PostCreated", changedHands, "E-FIRST", 0, LONG_AGO),
                postEvent("lxp.roles.PostCreated", alsoHeldByTheFirst, "E-FIRST", 0, LONG_AGO),
                postEvent("lxp.roles.PostCreated", newStartersPost, "E-NEW", 0, Instant.now()),
                postEvent("lxp.roles.PostChanged", changedHands, "E-NEXT", 1, LONG_AGO))));

        assertThat(held(changedHands).holderStaffReference()).isEqualTo("E-NEXT");
        assertThat(held(alsoHeldByTheFirst).holderStaffReference()).isEqualTo("E-FIRST");
        assertThat(standings(organisation)).containsExactly(tuple("E-FIRST", Supervisee.Standing.UNSUPERVISED),
                        tuple("E-NEW", Supervisee.Standing.COMPLIANT), tuple("E-NEXT", Supervisee.Standing.UNSUPERVISED));
        assertThat(unsupervisedEvents()).containsExactlyInAnyOrder("E-FIRST 0", "E-NEXT 0");
    }

    @Test
    void aSuperviseeAlreadyKnownIsReviewedAgainWhenTheirPostChangesAndEachOrganisationOfACallIsReviewed() {
        publishedProfileNeedingPeerSupervision();
        UUID post = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                postEvent("lxp.roles.PostCreated", post, "E-KNOWN", 0, Instant.now()))));
        assertThat(standings(organisation)).containsExactly(tuple("E-KNOWN", Supervisee.Standing.COMPLIANT));

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                postEvent(otherOrganisation, "lxp.roles.PostCreated", elsewhere, "E-ELSEWHERE", 0, LONG_AGO, null),
                postEvent(organisation, "lxp.roles.PostChanged", post, "E-KNOWN", 1, Instant.now(),
                        LocalDate.now().minusDays(200)))));

        assertThat(standings(organisation)).containsExactly(tuple("E-KNOWN", Supervisee.Standing.UNSUPERVISED));
        assertThat(standings(otherOrganisation)).containsExactly(tuple("E-ELSEWHERE", Supervisee.Standing.UNSUPERVISED));
        assertThat(unsupervisedEvents()).containsExactly("E-KNOWN 1");
    }

    @Test
    void someoneGivenAPostAndReplacedWithinOneCallBecomesASuperviseeHoldingNothingSoIsNotReviewed() {
        publishedProfileNeedingPeerSupervision();
        UUID post = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                postEvent("lxp.roles.PostCreated", post, "E-PASSING", 0, LONG_AGO),
                postEvent("lxp.roles.PostChanged", post, "E-STAYING", 1, LONG_AGO))));

        assertThat(standings(organisation)).containsExactly(tuple("E-PASSING", Supervisee.Standing.COMPLIANT),
                tuple("E-STAYING", Supervisee.Standing.UNSUPERVISED));
        assertThat(unsupervisedEvents()).containsExactly("E-STAYING 0");
    }

    @Test
    void aStaleVersionAfterANewerOneInOneCallChangesNothingAndMakesNobodyASupervisee() {
        publishedProfileNeedingPeerSupervision();
        UUID post = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> subscription.applyPosts(List.of(
                postEvent("lxp.roles.PostChanged", post, "E-LATEST", 3, Instant.now()),
                postEvent("lxp.roles.PostChanged", post, "E-EARLIER", 2, Instant.now()))));

        assertThat(held(post).holderStaffReference()).isEqualTo("E-LATEST");
        assertThat(QuarkusTransaction.requiringNew().call(() -> supervisees.inOrganisation(organisation)))
                .extracting(Supervisee::staffReference).containsExactly("E-LATEST");
    }

    private void publishedProfileNeedingPeerSupervision() {
        QuarkusTransaction.requiringNew().run(() -> subscription.applyRoleProfile(event(
                "lxp.roles.RoleProfilePublished", profile, """
                {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker","family":"PEER_SUPPORT","level":"ENTRY",
                 "band":"BAND_4","supervisionRequirements":[{"type":"LIVED_EXPERIENCE_PEER","minimumEveryDays":28}],
                 "status":"PUBLISHED","revision":1}
                """.formatted(profile, organisation), Instant.now())));
    }

    private List<Tuple> standings(String organisation) {
        return QuarkusTransaction.requiringNew().call(() -> supervisees.inOrganisation(organisation)).stream()
                .map(supervisee -> tuple(supervisee.staffReference(), supervisee.standing())).toList();
    }

    private Post held(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> posts.findById(id));
    }

    /** Each SuperviseeUnsupervised event of the organisation as its staff reference and the version it carries. */
    @SuppressWarnings("unchecked")
    private List<String> unsupervisedEvents() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) entities.createNativeQuery(
                        "SELECT payload->>'staffReference', payload->>'version' FROM outbox_event"
                                + " WHERE event_type = ?1 AND payload->>'organisationCode' = ?2")
                .setParameter(1, SuperviseeEvents.UNSUPERVISED).setParameter(2, organisation).getResultList())
                .stream().map(row -> row[0] + " " + row[1]).toList());
    }

    private ConsumedEvent postEvent(String type, UUID post, String holder, int version, Instant time) {
        return postEvent(organisation, type, post, holder, version, time, null);
    }

    /** A post event at {@code time}; its holder started on {@code holderSince}, or when the event says if null. */
    private ConsumedEvent postEvent(String organisation, String type, UUID post, String holder, int version,
            Instant time, LocalDate holderSince) {
        String since = holderSince == null ? "null" : "\"" + holderSince + "\"";
        return event(type, post, """
                {"id":"%s","organisationCode":"%s","postReference":"P-%s","roleProfileId":"%s","fte":1.0,
                 "status":"FILLED","holderStaffReference":"%s","holderSince":%s,"version":%d}
                """.formatted(post, organisation, post.toString().substring(0, 8), profile, holder, since, version),
                time);
    }

    private ConsumedEvent event(String type, UUID subject, String data, Instant time) {
        try {
            return new ConsumedEvent(UUID.randomUUID().toString(), type, "/lxp/roles-service", subject.toString(),
                    time, null, null, json.readTree(data), RolesEventsSubscription.POST_TOPIC, 0, 0, json.reader());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
