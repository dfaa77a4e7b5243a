package uk.org.lxp.roles.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.roles.CompetenceDomain;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.DecisionSummary;
import uk.org.lxp.roles.JobEvaluation;
import uk.org.lxp.roles.LivedExperienceCriterion;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.Readiness;
import uk.org.lxp.roles.ReadinessAnswer;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleReview;
import uk.org.lxp.roles.SupervisionRequirement;

/** Role profile changes, keyed by profile id, carrying the full profile at its new revision. */
@ApplicationScoped
public class RoleProfileEvents {

    public static final String TOPIC = "lxp.roles.role-profile.v1";
    public static final String CREATED = "lxp.roles.RoleProfileCreated";
    public static final String REVISED = "lxp.roles.RoleProfileRevised";
    public static final String PUBLISHED = "lxp.roles.RoleProfilePublished";
    public static final String RETIRED = "lxp.roles.RoleProfileRetired";
    public static final String READINESS_ANSWERED = "lxp.roles.RoleProfileReadinessAnswered";
    public static final String DECISION_RECORDED = "lxp.roles.RoleProfileDecisionRecorded";
    public static final String REVIEWED = "lxp.roles.RoleProfileReviewed";
    public static final String REVIEW_OVERDUE = "lxp.roles.RoleProfileReviewOverdue";
    public static final String EVALUATED = "lxp.roles.RoleProfileEvaluated";

    private final Outbox outbox;

    RoleProfileEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event data: a profile as published, and as each revision keeps it. */
    public record RoleProfileState(UUID id, String ownerOdsCode, UUID templateId, String title, RoleFamily family,
            RoleLevel level, LivedExperienceCriterion livedExperience, PayBand band, ContractBasis contractBasis,
            String staffGroupCode, boolean patientFacing, List<CompetenceDomain> competenceDomains,
            List<SupervisionRequirement> supervisionRequirements, RoleProfile.Status status, int revision,
            List<String> concerns, JobEvaluation jobEvaluation, Readiness readiness, List<ReadinessAnswer> readinessAnswers,
            List<DecisionSummary> steeringDecisions, List<RoleReview> reviews, LocalDate reviewDue,
            LocalDate reviewOverdueSince, int version, Instant createdAt, Instant updatedAt) {

        public static RoleProfileState of(RoleProfile profile, Readiness readiness) {
            RoleProfile.Content c = profile.content();
            return new RoleProfileState(profile.id(), profile.ownerOdsCode(), profile.templateId(), c.title(),
                    c.family(), c.level(), c.livedExperience(), c.band(), c.contractBasis(), c.staffGroupCode(),
                    c.patientFacing(), c.competenceDomains(), c.supervisionRequirements(), profile.status(),
                    profile.revision(), profile.concerns(), profile.jobEvaluation(), readiness, profile.readinessAnswers(), profile.decisions(),
                    profile.reviews(), profile.reviewDue(), profile.reviewOverdueSince(), profile.version(),
                    profile.createdAt(), profile.updatedAt());
        }
    }

    public void record(String type, RoleProfileState state) {
        outbox.record(new OutboxEvent("role-profile", state.id().toString(), type, TOPIC, state));
    }
}
