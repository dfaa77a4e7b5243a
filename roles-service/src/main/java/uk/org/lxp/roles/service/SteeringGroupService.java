package uk.org.lxp.roles.service;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.SteeringGroupRepository;

/** Steering groups and their terms; each change audited (members by reference and perspective only). */
@ApplicationScoped
public class SteeringGroupService {

    private final SteeringGroupRepository groups;
    private final OrganisationRepository organisations;
    private final Audit audit;
    private final Clock clock;

    SteeringGroupService(SteeringGroupRepository groups, OrganisationRepository organisations, Audit audit, Clock clock) {
        this.groups = groups;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SteeringGroup create(String owner, SteeringGroup.Terms terms) {
        if (organisations.findByOdsCode(owner).isEmpty()) {
            throw UnknownReference.inBody("ownerOdsCode", "Organisation " + owner + " is not registered");
        }
        SteeringGroup group = valid(() -> new SteeringGroup(owner, terms, clock.instant()));
        groups.persistAndFlush(group);
        audit.record("steering-group.created", "steering-group", group.id().toString(), terms);
        return group;
    }

    @Transactional
    public SteeringGroup change(UUID id, String ifMatch, SteeringGroup.Terms terms, Consumer<SteeringGroup> mayEdit) {
        SteeringGroup group = load(id);
        mayEdit.accept(group);
        ETags.requireMatch(ifMatch, group.version());
        valid(() -> {
            group.change(terms, clock.instant());
            return group;
        });
        groups.flush();
        audit.record("steering-group.changed", "steering-group", id.toString(), terms);
        return group;
    }

    public SteeringGroup load(UUID id) {
        return groups.findByIdOptional(id).orElseThrow(() -> NotFound.of("steering group", id));
    }

    private static SteeringGroup valid(Supplier<SteeringGroup> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody(invalid.getMessage().contains("name") ? "name" : "members", invalid.getMessage());
        }
    }
}
