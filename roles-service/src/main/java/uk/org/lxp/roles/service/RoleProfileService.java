package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.ApiException;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleProfileRevision;
import uk.org.lxp.roles.events.RoleProfileEvents;
import uk.org.lxp.roles.events.RoleProfileEvents.RoleProfileState;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.RoleProfileRepository;

/** Every change of a profile is a new revision, kept, published as an event and audited, in one transaction. */
@ApplicationScoped
public class RoleProfileService {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final RoleProfileRepository profiles;
    private final OrganisationRepository organisations;
    private final RoleProfileEvents events;
    private final Audit audit;
    private final ObjectMapper json;
    private final Clock clock;

    RoleProfileService(RoleProfileRepository profiles, OrganisationRepository organisations, RoleProfileEvents events,
            Audit audit, ObjectMapper json, Clock clock) {
        this.profiles = profiles;
        this.organisations = organisations;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
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
            profile.revise(content, clock.instant());
            return profile;
        }, RoleProfileService::invalidContent);
        return recorded(RoleProfileEvents.REVISED, "role-profile.revised", profile);
    }

    @Transactional
    public RoleProfile publish(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.publish(clock.instant());
            return profile;
        }, RuleBroken::new);
        return recorded(RoleProfileEvents.PUBLISHED, "role-profile.published", profile);
    }

    @Transactional
    public RoleProfile retire(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.retire(clock.instant());
            return profile;
        }, RuleBroken::new);
        return recorded(RoleProfileEvents.RETIRED, "role-profile.retired", profile);
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
        RoleProfileState state = RoleProfileState.of(profile);
        profiles.addRevision(new RoleProfileRevision(profile, json.convertValue(state, OBJECT)));
        events.record(eventType, profile);
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
