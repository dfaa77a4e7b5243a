package uk.org.lxp.roles.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
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
        requireOrganisation(owner);
        RoleProfile profile = rules(() -> new RoleProfile(owner, null, content, clock.instant()));
        profiles.persist(profile);
        return recorded(RoleProfileEvents.CREATED, "role-profile.created", profile);
    }

    @Transactional
    public RoleProfile adopt(UUID templateId, String organisation) {
        requireOrganisation(organisation);
        RoleProfile template = load(templateId);
        RoleProfile adopted = rules(() -> template.adoptedBy(organisation, clock.instant()));
        profiles.persist(adopted);
        return recorded(RoleProfileEvents.CREATED, "role-profile.adopted", adopted);
    }

    @Transactional
    public RoleProfile revise(UUID id, String ifMatch, RoleProfile.Content content, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.revise(content, clock.instant());
            return profile;
        });
        return recorded(RoleProfileEvents.REVISED, "role-profile.revised", profile);
    }

    @Transactional
    public RoleProfile publish(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.publish(clock.instant());
            return profile;
        });
        return recorded(RoleProfileEvents.PUBLISHED, "role-profile.published", profile);
    }

    @Transactional
    public RoleProfile retire(UUID id, String ifMatch, Consumer<RoleProfile> mayEdit) {
        RoleProfile profile = editable(id, ifMatch, mayEdit);
        rules(() -> {
            profile.retire(clock.instant());
            return profile;
        });
        return recorded(RoleProfileEvents.RETIRED, "role-profile.retired", profile);
    }

    public RoleProfile load(UUID id) {
        return profiles.findByIdOptional(id).orElseThrow(() -> new UnknownRoleProfileException(id));
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

    private void requireOrganisation(String odsCode) {
        if (odsCode != null && organisations.findByOdsCode(odsCode).isEmpty()) {
            throw new DomainRuleException("Organisation " + odsCode + " is not registered");
        }
    }

    private static RoleProfile rules(java.util.function.Supplier<RoleProfile> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException broken) {
            throw new DomainRuleException(broken.getMessage());
        } catch (IllegalStateException conflict) {
            throw new LifecycleConflictException(conflict.getMessage());
        }
    }
}
