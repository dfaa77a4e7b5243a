package uk.org.lxp.roles.service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.OrganisationDirectory;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.PreconditionFailed;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.MemberPerspective;
import uk.org.lxp.roles.ReadinessTopic;
import uk.org.lxp.roles.RoleDevelopmentSettings;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.SteeringGroupMember;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.ReadinessTopicRepository;
import uk.org.lxp.roles.repository.RoleDevelopmentSettingsRepository;
import uk.org.lxp.roles.repository.RoleProfileRepository;
import uk.org.lxp.roles.repository.SteeringGroupRepository;

/** An organisation's settings for developing roles, its own readiness topics, and the figures of co-production. */
@ApplicationScoped
public class RoleDevelopmentService {

    static final int MOST_OWN_TOPICS = 50;

    private final RoleDevelopmentSettingsRepository settings;
    private final ReadinessTopicRepository topics;
    private final RoleProfileRepository profiles;
    private final RoleProfileService profileService;
    private final SteeringGroupRepository groups;
    private final OrganisationRepository organisations;
    private final OrganisationDirectory directory;
    private final Audit audit;
    private final Clock clock;

    RoleDevelopmentService(RoleDevelopmentSettingsRepository settings, ReadinessTopicRepository topics,
            RoleProfileRepository profiles, RoleProfileService profileService, SteeringGroupRepository groups,
            OrganisationRepository organisations, OrganisationDirectory directory, Audit audit, Clock clock) {
        this.settings = settings;
        this.topics = topics;
        this.profiles = profiles;
        this.profileService = profileService;
        this.groups = groups;
        this.organisations = organisations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Co-production across a reach; counts of profiles and members only, never who. */
    @Schema(name = "RoleDevelopmentFigures")
    public record Figures(
            @Schema(description = "ORGANISATION, ICB or NATIONAL", example = "ICB") String level,
            @Schema(description = "ODS code of the organisation or ICB; null for England", nullable = true,
                    example = "QWO") String odsCode,
            @Schema(description = "Organisations' own profiles that are published today", example = "12")
            int publishedProfiles,
            @Schema(description = "Of those, how many were co-produced: every readiness topic settled with both sides"
                    + " and publication approved by a steering group", example = "5") int coProduced,
            @Schema(description = "coProduced as a share of publishedProfiles, 0 to 1; null when none is published",
                    nullable = true, example = "0.4167") Double coProducedShare,
            @Schema(description = "Published profiles whose regular review is overdue", example = "2") int reviewsOverdue,
            @Schema(description = "Steering groups of the organisations (and, for an ICB, of the ICB itself)",
                    example = "3") int steeringGroups,
            @Schema(description = "Members of those groups by the perspective they bring; counts only, and a count"
                    + " below " + SmallCohorts.MINIMUM + " (other than 0) suppressed as null for everyone but lxp-admin",
                    additionalProperties = SmallCohorts.SuppressibleCount.class)
            Map<MemberPerspective, Integer> membersByPerspective) {
    }

    public RoleDevelopmentSettings settingsOf(String odsCode) {
        return settings.of(odsCode);
    }

    @Transactional
    public RoleDevelopmentSettings changeSettings(String odsCode, String ifMatch, boolean requiresCoProduction,
            int reviewEveryMonths) {
        RoleDevelopmentSettings held = settings.of(odsCode);
        ETags.requireMatch(ifMatch, held.etagVersion());
        try {
            held.change(requiresCoProduction, reviewEveryMonths, clock.instant());
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody("reviewEveryMonths", invalid.getMessage());
        }
        if (!settings.isPersistent(held)) {
            settings.persist(held);
        }
        try {
            settings.flush();
        } catch (ConstraintViolationException savedMeanwhile) {
            throw PreconditionFailed.stale("The settings of " + odsCode + " were saved since you read them; read them again");
        }
        audit.record("role-development-settings.changed", "organisation", odsCode,
                Map.of("requiresCoProduction", requiresCoProduction, "reviewEveryMonths", reviewEveryMonths));
        return held;
    }

    /** An organisation's own topic, asked of its profiles after the national ones; its code must be new to it. */
    @Transactional
    public ReadinessTopic addTopic(String owner, String code, String topic, String covers) {
        if (organisations.findByOdsCode(owner).isEmpty()) {
            throw UnknownReference.inBody("ownerOdsCode", "Organisation " + owner + " is not registered");
        }
        if (topics.find(owner, code).isPresent()) {
            throw new Conflict("Readiness topic " + code + " already applies to " + owner + "'s profiles");
        }
        long ownTopics = topics.count("ownerOdsCode", owner);
        if (ownTopics >= MOST_OWN_TOPICS) {
            throw new RuleBroken(owner + " already asks " + MOST_OWN_TOPICS + " topics of its own");
        }
        // After the national topics and the organisation's own, in the order it added them.
        ReadinessTopic added = new ReadinessTopic(owner, code, topic, covers, 1000 + (int) ownTopics);
        try {
            topics.persistAndFlush(added);
        } catch (ConstraintViolationException addedMeanwhile) {
            throw new Conflict("Readiness topic " + code + " already applies to " + owner + "'s profiles");
        }
        audit.record("readiness-topic.added", "readiness-topic", added.ownerOdsCode() + ":" + code,
                Map.of("topic", topic, "covers", covers));
        return added;
    }

    public List<ReadinessTopic> topicsFor(String owner) {
        return topics.forOwner(owner);
    }

    /** Member counts below the small-cohort threshold are suppressed (null) unless {@code seesSmallCohorts}. */
    public Figures figures(Reach reach, boolean seesSmallCohorts) {
        Set<String> owners;
        String level;
        String odsCode = null;
        if (reach instanceof Reach.Organisation organisation) {
            owners = Set.of(organisation.odsCode());
            level = "ORGANISATION";
            odsCode = organisation.odsCode();
        } else if (reach instanceof Reach.Icb icb) {
            owners = new TreeSet<>(directory.membersOf(icb.odsCode(), Today.in(clock)));
            owners.add(icb.odsCode());
            level = "ICB";
            odsCode = icb.odsCode();
        } else {
            owners = null;
            level = "NATIONAL";
        }
        List<RoleProfile> published = (owners == null ? profiles.list("ownerOdsCode is not null")
                : profiles.ownedBy(owners)).stream().filter(p -> p.status() == RoleProfile.Status.PUBLISHED).toList();
        var readiness = profileService.readiness(published);
        int coProduced = (int) published.stream().filter(p -> p.coProduced(readiness.get(p.id()))).count();
        int overdue = (int) published.stream().filter(p -> p.reviewOverdueSince() != null).count();
        List<SteeringGroup> owned = owners == null ? groups.listAll() : groups.ownedBy(owners);
        Map<MemberPerspective, Integer> members = new EnumMap<>(MemberPerspective.class);
        for (MemberPerspective perspective : MemberPerspective.values()) {
            members.put(perspective, 0);
        }
        owned.stream().flatMap(group -> group.members().stream()).map(SteeringGroupMember::perspective)
                .forEach(perspective -> members.merge(perspective, 1, Integer::sum));
        if (!seesSmallCohorts) {
            members.replaceAll((perspective, count) -> count > 0 && count < SmallCohorts.MINIMUM ? null : count);
        }
        Double share = published.isEmpty() ? null : Math.round(10000.0 * coProduced / published.size()) / 10000.0;
        return new Figures(level, odsCode, published.size(), coProduced, share, overdue, owned.size(), members);
    }
}
