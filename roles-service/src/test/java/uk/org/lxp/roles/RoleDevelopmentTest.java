package uk.org.lxp.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import uk.org.lxp.roles.SteeringDecision.Matter;
import uk.org.lxp.roles.SteeringDecision.Verdict;
import uk.org.lxp.roles.SteeringDecision.Vote;

/** The rules of co-produced role development, each shown to hold and to refuse. */
class RoleDevelopmentTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-04");
    private static final List<ReadinessTopic> TOPICS = List.of(
            new ReadinessTopic("RX3", "COMMUNITIES", "Communities served", "Who the role serves", 1),
            new ReadinessTopic("RX3", "TEAM_READINESS", "Team readiness", "What the team needs in place", 2));

    private static ReadinessAnswer answer(String topic, Perspective... perspectives) {
        return new ReadinessAnswer(topic, "Settled at the co-production workshop", Set.of(perspectives), TODAY);
    }

    @Nested
    class Readiness_ {

        @Test
        void completeWhenEveryTopicHasAUserOrCarerAndAProviderPerspective() {
            Readiness readiness = Readiness.assess(TOPICS, List.of(
                    answer("COMMUNITIES", Perspective.PEOPLE_WHO_USE_SERVICES, Perspective.TEAM_MEMBERS),
                    answer("TEAM_READINESS", Perspective.CARERS, Perspective.LIVED_EXPERIENCE_LEADS)));

            assertThat(readiness.complete()).isTrue();
            assertThat(readiness.settled()).isEqualTo(2);
            assertThat(readiness.missing()).isEmpty();
        }

        @Test
        void saysWhatEachUnsettledTopicLacks() {
            Readiness unanswered = Readiness.assess(TOPICS, List.of(answer("COMMUNITIES", Perspective.TEAM_MEMBERS)));

            assertThat(unanswered.complete()).isFalse();
            assertThat(unanswered.missing()).containsExactly(
                    new Readiness.Unsettled("COMMUNITIES", "Communities served",
                            List.of(Readiness.Lack.USER_OR_CARER_PERSPECTIVE)),
                    new Readiness.Unsettled("TEAM_READINESS", "Team readiness", List.of(Readiness.Lack.ANSWER)));

            Readiness usersOnly = Readiness.assess(TOPICS, List.of(
                    answer("COMMUNITIES", Perspective.CARERS, Perspective.TEAM_MEMBERS),
                    answer("TEAM_READINESS", Perspective.PEOPLE_WHO_USE_SERVICES, Perspective.CARERS)));
            assertThat(usersOnly.missing()).singleElement()
                    .satisfies(gap -> assertThat(gap.lacking()).containsExactly(Readiness.Lack.PROVIDER_PERSPECTIVE));
        }

        @Test
        void anAnswerNamesWhoseViewsWentIntoIt() {
            assertThatThrownBy(() -> new ReadinessAnswer("COMMUNITIES", "Settled", Set.of(), TODAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Quorum_ {

        private final Quorum usual = Quorum.USUAL;

        @Test
        void metByEnoughMembersWithLivedExperienceAndNotOnlyStaff() {
            assertThat(usual.shortfalls(List.of(MemberPerspective.LXP, MemberPerspective.PERSON_WHO_USES_SERVICES,
                    MemberPerspective.CLINICIAN, MemberPerspective.MANAGER))).isEmpty();
        }

        @Test
        void notMetByTooFewOrTooFewWithLivedExperience() {
            assertThat(usual.shortfalls(List.of(MemberPerspective.CARER, MemberPerspective.LXP, MemberPerspective.MANAGER)))
                    .containsExactly("3 present, the quorum is 4");
            assertThat(usual.shortfalls(List.of(MemberPerspective.CARER, MemberPerspective.CLINICIAN,
                    MemberPerspective.MANAGER, MemberPerspective.MANAGER)))
                    .containsExactly("1 present with lived experience, the quorum asks for 2");
        }

        @Test
        void staffAloneAreNeverQuorateEvenWithLxpsAmongThem() {
            assertThat(usual.shortfalls(List.of(MemberPerspective.LXP, MemberPerspective.LXP, MemberPerspective.CLINICIAN,
                    MemberPerspective.MANAGER)))
                    .containsExactly("0 present who are not staff, the quorum asks for 1");
        }

        @Test
        void termsThatLetStaffAloneDecideAreRefused() {
            assertThatThrownBy(() -> new Quorum(4, 2, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not staff");
            assertThatThrownBy(() -> new Quorum(3, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Decisions {

        private final SteeringGroup group = new SteeringGroup("RX3", new SteeringGroup.Terms("Roles steering group",
                Quorum.USUAL, List.of(new SteeringGroupMember("SG-1", MemberPerspective.LXP),
                        new SteeringGroupMember("SG-2", MemberPerspective.PERSON_WHO_USES_SERVICES),
                        new SteeringGroupMember("SG-3", MemberPerspective.CARER),
                        new SteeringGroupMember("SG-4", MemberPerspective.CLINICIAN),
                        new SteeringGroupMember("SG-5", MemberPerspective.MANAGER))), NOW);

        @Test
        void aQuorateMeetingDecidesWithEachPresentMembersPerspectiveKept() {
            SteeringDecision decision = group.decide(TODAY, Matter.PUBLISH, Verdict.APPROVED,
                    List.of("SG-1", "SG-2", "SG-4", "SG-5"), votesOf(1, 1, 0, 1, 1), "Ready", 3, NOW);

            assertThat(decision.present()).extracting(SteeringGroupMember::perspective).containsExactly(
                    MemberPerspective.LXP, MemberPerspective.PERSON_WHO_USES_SERVICES, MemberPerspective.CLINICIAN,
                    MemberPerspective.MANAGER);
            assertThat(decision.forRevision()).isEqualTo(3);
        }

        @Test
        void aMeetingOfStaffAloneIsRefused() {
            SteeringGroup staffHeavy = new SteeringGroup("RX3", new SteeringGroup.Terms("Group", new Quorum(3, 1, 1),
                    List.of(new SteeringGroupMember("A", MemberPerspective.LXP),
                            new SteeringGroupMember("B", MemberPerspective.CLINICIAN),
                            new SteeringGroupMember("C", MemberPerspective.MANAGER))), NOW);

            assertThatThrownBy(() -> staffHeavy.decide(TODAY, Matter.PUBLISH, Verdict.APPROVED, List.of("A", "B", "C"),
                    List.of(new Vote(MemberPerspective.LXP, 1, 0, 0), new Vote(MemberPerspective.CLINICIAN, 1, 0, 0),
                            new Vote(MemberPerspective.MANAGER, 1, 0, 0)), "Ready", 1, NOW))
                    .isInstanceOf(SteeringGroup.NotQuorate.class).hasMessageContaining("not staff");
        }

        @Test
        void someoneOutsideTheGroupOrVotesThatDoNotAddUpAreRefused() {
            assertThatThrownBy(() -> group.decide(TODAY, Matter.PUBLISH, Verdict.APPROVED,
                    List.of("SG-1", "SG-2", "SG-4", "SG-9"), votesOf(1, 1, 0, 1, 1), "Ready", 1, NOW))
                    .isInstanceOf(SteeringGroup.NotAMember.class).hasMessageContaining("SG-9");
            assertThatThrownBy(() -> group.decide(TODAY, Matter.PUBLISH, Verdict.APPROVED,
                    List.of("SG-1", "SG-2", "SG-4", "SG-5"), votesOf(1, 2, 0, 1, 1), "Ready", 1, NOW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PERSON_WHO_USES_SERVICES");
        }

        private static List<Vote> votesOf(int lxp, int user, int carer, int clinician, int manager) {
            List<Vote> votes = new ArrayList<>();
            int[] counts = {lxp, user, carer, clinician, manager};
            for (MemberPerspective perspective : MemberPerspective.values()) {
                votes.add(new Vote(perspective, counts[perspective.ordinal()], 0, 0));
            }
            return votes;
        }
    }

    @Nested
    class Lifecycle {

        private final RoleDevelopmentSettings coProducing = settings(true);
        private final Readiness ready = Readiness.assess(TOPICS, List.of(
                answer("COMMUNITIES", Perspective.PEOPLE_WHO_USE_SERVICES, Perspective.TEAM_MEMBERS),
                answer("TEAM_READINESS", Perspective.CARERS, Perspective.PARTNERS)));

        private static RoleDevelopmentSettings settings(boolean coProduction) {
            RoleDevelopmentSettings settings = RoleDevelopmentSettings.defaultsFor("RX3");
            settings.change(coProduction, 12, NOW);
            return settings;
        }

        private static RoleProfile.Content content(String title, PayBand band) {
            return new RoleProfile.Content(title, RoleFamily.PEER_SUPPORT, RoleLevel.ENTRY,
                    new LivedExperienceCriterion(true, LivedExperienceCriterion.Focus.OWN_MENTAL_HEALTH,
                            "Lived experience of mental ill-health"),
                    band, ContractBasis.PERMANENT, "07", true, List.of(), List.of());
        }

        private static SteeringDecision decision(Matter matter, Verdict verdict, int forRevision) {
            return new SteeringDecision(UUID.randomUUID(), UUID.randomUUID(), TODAY, matter, verdict,
                    List.of(), List.of(), "Because", forRevision, NOW);
        }

        private RoleProfile draft() {
            return new RoleProfile("RX3", null, content("Peer Support Worker", PayBand.BAND_4), NOW);
        }

        private RoleProfile published() {
            RoleProfile profile = draft();
            profile.record(decision(Matter.PUBLISH, Verdict.APPROVED, profile.revision()), NOW);
            profile.publish(NOW, TODAY, coProducing, ready);
            return profile;
        }

        @Test
        void anOrganisationThatDoesNotCoProducePublishesOnOneClick() {
            RoleProfile profile = draft();
            profile.publish(NOW, TODAY, settings(false), Readiness.assess(TOPICS, List.of()));

            assertThat(profile.status()).isEqualTo(RoleProfile.Status.PUBLISHED);
            assertThat(profile.reviewDue()).isEqualTo(TODAY.plusMonths(12));
        }

        @Test
        void publicationNeedsSettledReadinessAndAnApproval() {
            RoleProfile profile = draft();
            assertThatThrownBy(() -> profile.publish(NOW, TODAY, coProducing, Readiness.assess(TOPICS, List.of())))
                    .isInstanceOf(CoProductionRequired.class).hasMessageContaining("readiness");
            assertThatThrownBy(() -> profile.publish(NOW, TODAY, coProducing, ready))
                    .isInstanceOf(CoProductionRequired.class).hasMessageContaining("approval");

            profile.record(decision(Matter.PUBLISH, Verdict.CHANGES_REQUESTED, profile.revision()), NOW);
            assertThatThrownBy(() -> profile.publish(NOW, TODAY, coProducing, ready))
                    .isInstanceOf(CoProductionRequired.class);

            profile.record(decision(Matter.PUBLISH, Verdict.APPROVED, profile.revision()), NOW);
            profile.publish(NOW, TODAY, coProducing, ready);
            assertThat(profile.status()).isEqualTo(RoleProfile.Status.PUBLISHED);
            assertThat(profile.coProduced(ready)).isTrue();
        }

        @Test
        void aMaterialChangeAfterTheApprovalVoidsIt() {
            RoleProfile profile = draft();
            profile.record(decision(Matter.PUBLISH, Verdict.APPROVED, profile.revision()), NOW);
            profile.revise(content("Peer Support Worker", PayBand.BAND_3), NOW, coProducing);

            assertThatThrownBy(() -> profile.publish(NOW, TODAY, coProducing, ready))
                    .isInstanceOf(CoProductionRequired.class);
        }

        @Test
        void aTypoInThePublishedTitleNeedsNoDecisionButABandChangeDoes() {
            RoleProfile profile = published();

            profile.revise(content("Peer Suport Worker", PayBand.BAND_4), NOW, coProducing);
            profile.revise(content("Peer Support Worker", PayBand.BAND_4), NOW, coProducing);
            assertThatThrownBy(() -> profile.revise(content("Senior Peer Support Worker", PayBand.BAND_4), NOW, coProducing))
                    .isInstanceOf(CoProductionRequired.class);
            assertThatThrownBy(() -> profile.revise(content("Peer Support Worker", PayBand.BAND_5), NOW, coProducing))
                    .isInstanceOf(CoProductionRequired.class).hasMessageContaining("revise");

            profile.record(decision(Matter.REVISE, Verdict.APPROVED, profile.revision()), NOW);
            profile.revise(content("Peer Support Worker", PayBand.BAND_5), NOW, coProducing);
            assertThat(profile.content().band()).isEqualTo(PayBand.BAND_5);
            assertThatThrownBy(() -> profile.revise(content("Peer Support Worker", PayBand.BAND_6), NOW, coProducing))
                    .as("an approval is spent by the change it approved").isInstanceOf(CoProductionRequired.class);
        }

        @Test
        void aLaterDecisionToDeclineOverridesAnEarlierApproval() {
            RoleProfile profile = draft();
            profile.record(decision(Matter.PUBLISH, Verdict.APPROVED, profile.revision()), NOW);
            profile.record(decision(Matter.PUBLISH, Verdict.DECLINED, profile.revision()), NOW);

            assertThatThrownBy(() -> profile.publish(NOW, TODAY, coProducing, ready))
                    .isInstanceOf(CoProductionRequired.class).hasMessageContaining("latest decision");
        }

        @Test
        void smallTitleEditsCannotAddUpToANewName() {
            RoleProfile profile = published();
            profile.revise(content("Se Peer Support Worker", PayBand.BAND_4), NOW, coProducing);

            assertThatThrownBy(() -> profile.revise(content("Senio Peer Support Worker", PayBand.BAND_4), NOW, coProducing))
                    .as("5 characters from the title as last approved").isInstanceOf(CoProductionRequired.class);
        }

        @Test
        void aDecisionTakenBeforeTheContentLastChangedIsRefused() {
            RoleProfile profile = draft();
            SteeringDecision earlier = new SteeringDecision(UUID.randomUUID(), UUID.randomUUID(), TODAY.minusDays(1),
                    Matter.PUBLISH, Verdict.APPROVED, List.of(), List.of(), "Because", profile.revision(), NOW);

            assertThatThrownBy(() -> profile.record(earlier, NOW)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("before the profile last changed materially");
        }

        @Test
        void onlyAnApprovedPublicationWithSettledReadinessCountsAsCoProduced() {
            RoleProfile oneClick = draft();
            oneClick.publish(NOW, TODAY, settings(false), ready);
            assertThat(oneClick.coProduced(ready)).isFalse();

            RoleProfile approved = published();
            assertThat(approved.coProduced(ready)).isTrue();
            assertThat(approved.coProduced(Readiness.assess(TOPICS, List.of()))).isFalse();
        }

        @Test
        void aNationalTemplateHasNoReviewDate() {
            RoleProfile template = new RoleProfile(null, null, content("Peer Support Worker", PayBand.BAND_4), NOW);
            template.publish(NOW, TODAY, coProducing, Readiness.assess(TOPICS, List.of()));

            assertThat(template.reviewDue()).isNull();
            assertThat(template.markReviewOverdue(TODAY.plusYears(2), NOW)).isFalse();
        }

        @Test
        void retiringAPublishedRoleNeedsAnApprovalToRetire() {
            RoleProfile profile = published();
            assertThatThrownBy(() -> profile.retire(NOW, coProducing)).isInstanceOf(CoProductionRequired.class);

            profile.record(decision(Matter.RETIRE, Verdict.APPROVED, profile.revision()), NOW);
            profile.retire(NOW, coProducing);
            assertThat(profile.status()).isEqualTo(RoleProfile.Status.RETIRED);
        }

        @Test
        void aDecisionMustFitTheProfilesStatus() {
            RoleProfile profile = published();
            assertThatThrownBy(() -> profile.record(decision(Matter.PUBLISH, Verdict.APPROVED, 1), NOW))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> draft().record(decision(Matter.REVISE, Verdict.APPROVED, 1), NOW))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aReviewFallsOverdueOnceAndIsClearedByTheNextReview() {
            RoleProfile profile = published();
            assertThat(profile.markReviewOverdue(TODAY.plusMonths(12), NOW)).as("due that day, not yet overdue").isFalse();

            LocalDate dayAfter = TODAY.plusMonths(12).plusDays(1);
            assertThat(profile.markReviewOverdue(dayAfter, NOW)).isTrue();
            assertThat(profile.reviewOverdueSince()).isEqualTo(dayAfter);
            assertThat(profile.markReviewOverdue(dayAfter.plusDays(1), NOW)).as("marked once").isFalse();

            profile.review(new RoleReview(dayAfter, Set.of(Perspective.PEOPLE_WHO_USE_SERVICES), RoleReview.Conclusion.KEEP,
                    "Works well", NOW), dayAfter, coProducing);
            assertThat(profile.reviewOverdueSince()).isNull();
            assertThat(profile.reviewDue()).isEqualTo(dayAfter.plusMonths(12));
        }

        @Test
        void aReviewIsRecordedAfterItTookPlaceAndOnlyOfAPublishedRole() {
            RoleProfile profile = published();
            assertThatThrownBy(() -> profile.review(new RoleReview(TODAY.plusDays(1), Set.of(Perspective.CARERS),
                    RoleReview.Conclusion.KEEP, null, NOW), TODAY, coProducing)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> draft().review(new RoleReview(TODAY, Set.of(Perspective.CARERS),
                    RoleReview.Conclusion.KEEP, null, NOW), TODAY, coProducing)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onlyASmallCorrectionOfTheTitleIsNotMaterial() {
        assertThat(RoleProfile.editDistance("Peer Suport Worker", "Peer Support Worker")).isEqualTo(1);
        assertThat(RoleProfile.editDistance("Peer Support Worker", "Senior Peer Support Worker")).isEqualTo(7);
        assertThat(RoleProfile.editDistance("", "abc")).isEqualTo(3);
    }
}
