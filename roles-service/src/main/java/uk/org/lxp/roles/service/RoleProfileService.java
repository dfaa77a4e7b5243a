package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.OrganisationDirectory;
import uk.org.lxp.http.problems.ApiException;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.CoProductionRequired;
import uk.org.lxp.roles.JobEvaluation;
import uk.org.lxp.roles.JobEvaluationScheme;
import uk.org.lxp.roles.Perspective;
import uk.org.lxp.roles.Readiness;
import uk.org.lxp.roles.ReadinessAnswer;
import uk.org.lxp.roles.ReadinessTopic;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleProfileRevision;
import uk.org.lxp.roles.RoleReview;
import uk.org.lxp.roles.SteeringDecision;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.events.RoleProfileEvents;
import uk.org.lxp.roles.events.RoleProfileEvents.RoleProfileState;
import uk.org.lxp.roles.repository.JobEvaluationSchemeRepository;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.ReadinessTopicRepository;
import uk.org.lxp.roles.repository.RoleDevelopmentSettingsRepository;
import uk.org.lxp.roles.repository.RoleProfileRepository;
import uk.org.lxp.roles.repository.SteeringGroupRepository;

/** Every change of a profile is a new revision, kept, published as an event and audited, in one transaction. */
@ApplicationScoped
public class RoleProfileService {

    private static final Logger LOG = Logger.getLogger(RoleProfileService.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final RoleProfileRepository profiles;
    private final OrganisationRepository organisations;
    private final ReadinessTopicRepository topics;
    private final RoleDevelopmentSettingsRepository settings;
    private final SteeringGroupRepository steeringGroups;
    private final JobEvaluationSchemeRepository jobEvaluationScheme;
    private final OrganisationDirectory directory;
    private final RoleProfileEvents events;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    RoleProfileService(RoleProfileRepository profiles, OrganisationRepository organisations,
            ReadinessTopicRepository topics, RoleDevelopmentSettingsRepository settings,
            SteeringGroupRepository steeringGroups, JobEvaluationSchemeRepository jobEvaluationScheme,
            OrganisationDirectory directory, RoleProfileEvents events,
            Audit audit, ObjectMapper json, Clock clock) {
        this.profiles = profiles;
        this.organisations = organisations;
        this.topics = topics;
        this.settings = settings;
        this.steeringGroups = steeringGroups;
        this.jobEvaluationScheme = jobEvaluationScheme;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A steering group's decision as the caller reports it; the service checks it against the group. */
    public record DecisionTaken(UUID steeringGroupId, LocalDate meetingOn, SteeringDecision.Matter matter,
            SteeringDecision.Verdict outcome, List<String> present, List<SteeringDecision.Vote> votes, String rationale) {
    }

    /** A new draft owned by an organisation, or a national template when {@code owner} is null. */
    @Transactional
    public RoleProfile create(String owner, RoleProfile.Content content) {
        requireOrganisation(owner, "ownerOdsCode");
        RoleProfile profile = rules(() -> new RoleProfile(owner, null, content, clock.instant()), RoleProfileService::invalidContent);
        profiles.persist(profile);
        return recorded(RoleProfileEvents.CREATED, "role-profile.created", profile);
    }

    @Transactional
    public RoleProfile adopt(UUID templateId, String organisation) {
        requireOrganisation(organisation, "organisationCode");
        RoleProfile template = load(templateId);
        RoleProfile adopted = rules(() -> template.adoptedBy(organisation, clock.instant()), RuleBroken::new);
        profiles.persist(adopted);
        return recorded(RoleProfileEvents.CREATED, "role-profile.adopted", adopted);
    }

    @Transactional
    public RoleProfile revise(UUID id, String ifMatch, RoleProfile.Content content, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.revise(content, clock.instant(), settings.of(profile.ownerOdsCode()));
            return profile;
        }, RoleProfileService::invalidContent);
        return recorded(RoleProfileEvents.REVISED, "role-profile.revised", profile);
    }

    @Transactional
    public RoleProfile publish(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.publish(clock.instant(), Today.in(clock), settings.of(profile.ownerOdsCode()), readiness(profile));
            return profile;
        }, RuleBroken::new);
        return recorded(RoleProfileEvents.PUBLISHED, "role-profile.published", profile);
    }

    @Transactional
    public RoleProfile retire(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.retire(clock.instant(), settings.of(profile.ownerOdsCode()));
            return profile;
        }, RuleBroken::new);
        return recorded(RoleProfileEvents.RETIRED, "role-profile.retired", profile);
    }

    /** Scores a panel's ratings with the scheme as it stands and records the evaluation as the profile's current one. */
    @Transactional
    public RoleProfile evaluate(UUID id, String ifMatch, LocalDate evaluatedOn, List<JobEvaluationScheme.FactorRating> ratings,
            JobEvaluation.Panel panel, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        if (evaluatedOn.isAfter(Today.in(clock))) {
            throw InvalidRequest.inBody("evaluatedOn", "An evaluation is recorded once the panel has met");
        }
        JobEvaluationScheme.JobWeight weight;
        try {
            weight = jobEvaluationScheme.scheme().weigh(ratings);
        } catch (IllegalArgumentException unscorable) {
            throw InvalidRequest.inBody("factors", unscorable.getMessage());
        }
        JobEvaluation evaluation = new JobEvaluation(UUID.randomUUID(), evaluatedOn, List.copyOf(ratings), panel, weight,
                clock.instant());
        rules(() -> {
            profile.evaluate(evaluation, clock.instant());
            return profile;
        }, RuleBroken::new);
        return recorded(RoleProfileEvents.EVALUATED, "role-profile.evaluated", profile);
    }

    /** Settles one readiness topic of the profile: a national topic or one of its owner's. */
    @Transactional
    public RoleProfile answer(UUID id, String ifMatch, String topicCode, String answer, Set<Perspective> perspectives,
            Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        ReadinessTopic topic = topics.find(profile.ownerOdsCode(), topicCode).orElseThrow(() -> new NotFound(
                "No readiness topic " + topicCode + " applies to this profile"));
        rules(() -> {
            profile.answer(new ReadinessAnswer(topic.code(), answer, perspectives, Today.in(clock)), clock.instant());
            return profile;
        }, message -> InvalidRequest.inBody("perspectives", message));
        return recorded(RoleProfileEvents.READINESS_ANSWERED, "role-profile.readiness-answered", profile);
    }

    /**
     * Records a steering group's decision: the group must be the owner's own or its ICB's on the day it met, the
     * members present must be its members, the meeting quorate and the votes those of the members present.
     */
    @Transactional
    public RoleProfile recordDecision(UUID id, String ifMatch, DecisionTaken taken, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        if (taken.meetingOn().isAfter(Today.in(clock))) {
            throw InvalidRequest.inBody("meetingOn", "A decision is recorded once the meeting has taken place");
        }
        if (Set.copyOf(taken.present()).size() != taken.present().size()) {
            throw InvalidRequest.inBody("present", "A member is listed as present more than once");
        }
        SteeringGroup group = steeringGroups.findByIdOptional(taken.steeringGroupId()).orElseThrow(() ->
                UnknownReference.inBody("steeringGroupId", "Steering group " + taken.steeringGroupId() + " does not exist"));
        boolean ownersGroup = group.ownerOdsCode().equals(profile.ownerOdsCode()) || (profile.ownerOdsCode() != null
                && directory.icbOf(profile.ownerOdsCode(), taken.meetingOn()).filter(group.ownerOdsCode()::equals).isPresent());
        if (!ownersGroup) {
            throw RuleBroken.at("steeringGroupId", "Steering group " + group.id() + " belongs to " + group.ownerOdsCode()
                    + ", neither the profile's owner nor its ICB on " + taken.meetingOn());
        }
        SteeringDecision decision;
        try {
            decision = group.decide(taken.meetingOn(), taken.matter(), taken.outcome(), taken.present(), taken.votes(),
                    taken.rationale(), profile.revision(), clock.instant());
        } catch (SteeringGroup.NotAMember | SteeringGroup.NotQuorate refused) {
            throw RuleBroken.at("present", refused.getMessage());
        } catch (IllegalArgumentException wrongVotes) {
            throw InvalidRequest.inBody("votes", wrongVotes.getMessage());
        }
        rules(() -> {
            profile.record(decision, clock.instant());
            return profile;
        }, message -> message.contains("meeting") ? RuleBroken.at("meetingOn", message) : new RuleBroken(message));
        return recorded(RoleProfileEvents.DECISION_RECORDED, "role-profile.decision-recorded", profile);
    }

    @Transactional
    public RoleProfile review(UUID id, String ifMatch, LocalDate reviewedOn, Set<Perspective> perspectives,
            RoleReview.Conclusion outcome, String summary, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.review(new RoleReview(reviewedOn, perspectives, outcome, summary, clock.instant()), Today.in(clock),
                    settings.of(profile.ownerOdsCode()));
            return profile;
        }, message -> InvalidRequest.inBody("reviewedOn", message));
        return recorded(RoleProfileEvents.REVIEWED, "role-profile.reviewed", profile);
    }

    /** What a check for overdue reviews did. */
    @Schema(name = "RoleReviewCheck")
    public record ReviewCheck(@Schema(description = "Published roles newly marked overdue", example = "2") int markedOverdue,
            @Schema(description = "Roles that could not be marked this time (e.g. changed at that moment); the next"
                    + " check marks them", example = "0") int failed) {
    }

    /**
     * Marks overdue the reviews that fell due before today, each profile in its own transaction, so that one that
     * cannot be marked now (changed at that moment, or by another replica's check) leaves the others marked.
     */
    public ReviewCheck markReviewsOverdue() {
        LocalDate today = Today.in(clock);
        int marked = 0;
        int failed = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> profiles.reviewsFallenDue(today))) {
            try {
                boolean changed = QuarkusTransaction.requiringNew().call(() -> {
                    RoleProfile profile = load(id);
                    if (!profile.markReviewOverdue(today, clock.instant())) {
                        return false;
                    }
                    recorded(RoleProfileEvents.REVIEW_OVERDUE, "role-profile.review-overdue", profile);
                    return true;
                });
                marked += changed ? 1 : 0;
            } catch (RuntimeException notNow) {
                failed++;
                LOG.warnf(notNow, "Could not mark the review of role profile %s overdue; the next check will", id);
            }
        }
        return new ReviewCheck(marked, failed);
    }

    /** The readiness topics that apply to the profile: the national ones, then its owner's. */
    public List<ReadinessTopic> topicsOf(RoleProfile profile) {
        return topics.forOwner(profile.ownerOdsCode());
    }

    /** How far the profile's readiness questions are settled, against the topics that apply to it today. */
    public Readiness readiness(RoleProfile profile) {
        return Readiness.assess(topics.forOwner(profile.ownerOdsCode()), profile.readinessAnswers());
    }

    /** The readiness of each profile, reading each owner's topics once. */
    public Map<UUID, Readiness> readiness(List<RoleProfile> listed) {
        Map<String, List<ReadinessTopic>> byOwner = new HashMap<>();
        Map<UUID, Readiness> readiness = new HashMap<>();
        for (RoleProfile profile : listed) {
            List<ReadinessTopic> applying = byOwner.computeIfAbsent(String.valueOf(profile.ownerOdsCode()),
                    owner -> topics.forOwner(profile.ownerOdsCode()));
            readiness.put(profile.id(), Readiness.assess(applying, profile.readinessAnswers()));
        }
        return readiness;
    }

    public RoleProfile load(UUID id) {
        return profiles.findByIdOptional(id).orElseThrow(() -> NotFound.of("role profile", id));
    }

    public List<RoleProfileRevision> revisions(UUID id) {
        load(id);
        return profiles.revisions(id);
    }

    public Optional<RoleProfileRevision> asOf(UUID id, Instant instant) {
        load(id);
        return profiles.revisionAsOf(id, instant);
    }

    private RoleProfile editable(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = load(id);
        mayEdit.accept(profile);
        ETags.requireMatch(ifMatch, profile.version());
        return profile;
    }

    private RoleProfile recorded(String eventType, String action, RoleProfile profile) {
        profiles.flush();
        RoleProfileState state = RoleProfileState.of(profile, readiness(profile));
        profiles.addRevision(new RoleProfileRevision(profile, json.convertValue(state, OBJECT)));
        events.record(eventType, state);
        audit.record(action, "role-profile", profile.id().toString(), state);
        return profile;
    }

    private void requireOrganisation(String odsCode, String field) {
        if (odsCode != null && organisations.findByOdsCode(odsCode).isEmpty()) {
            throw UnknownReference.inBody(field, "Organisation " + odsCode + " is not registered");
        }
    }

    /**
     * The profile's own rules: content it cannot hold is refused as the caller says ({@code onBroken}); a change its
     * lifecycle does not allow (e.g. editing a retired profile) is a conflict.
     */
    private static RoleProfile rules(Supplier<RoleProfile> change, Function<String, ApiException> onBroken) {
        try {
            return change.get();
        } catch (IllegalArgumentException broken) {
            throw onBroken.apply(broken.getMessage());
        } catch (CoProductionRequired notCoProduced) {
            throw new RuleBroken(notCoProduced.getMessage());
        } catch (IllegalStateException conflict) {
            throw new Conflict(conflict.getMessage());
        }
    }

    /** Content a profile cannot hold is wrong in the request itself, whatever is stored. */
    private static ApiException invalidContent(String message) {
        return InvalidRequest.inBody(message.contains("lived experience") ? "livedExperience"
                : message.contains("Staff group") ? "staffGroupCode" : "title", message);
    }
}
