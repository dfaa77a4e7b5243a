package uk.org.lxp.roles.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import uk.org.lxp.api.Audit;
import uk.org.lxp.api.ETags;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.roles.ProgressionRoute;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.repository.ProgressionRouteRepository;
import uk.org.lxp.roles.repository.RoleProfileRepository;

@ApplicationScoped
public class ProgressionRouteService {

    private final ProgressionRouteRepository routes;
    private final RoleProfileRepository profiles;
    private final Audit audit;
    private final Clock clock;

    ProgressionRouteService(ProgressionRouteRepository routes, RoleProfileRepository profiles, Audit audit, Clock clock) {
        this.routes = routes;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewRoute(UUID from, UUID to, ProgressionRoute.Kind kind, List<String> requirements) {
    }

    /** {@code mayEdit} sees both profiles: a lead may link its own organisation's roles (and national ones). */
    @Transactional
    public ProgressionRoute create(NewRoute request, Consumer<List<RoleProfile>> mayEdit) {
        RoleProfile from = referenced(request.from(), "fromProfileId");
        RoleProfile to = referenced(request.to(), "toProfileId");
        mayEdit.accept(List.of(from, to));
        if (to.status() == RoleProfile.Status.RETIRED) {
            throw RuleBroken.at("toProfileId", "Role profile " + to.id() + " is retired: no route can lead to it");
        }
        ProgressionRoute route;
        try {
            route = new ProgressionRoute(request.from(), request.to(), request.kind(), request.requirements(),
                    clock.instant());
        } catch (IllegalArgumentException broken) {
            throw InvalidRequest.inBody("toProfileId", broken.getMessage());
        }
        try {
            routes.persistAndFlush(route);
        } catch (ConstraintViolationException duplicate) {
            throw new Conflict("A " + request.kind() + " route from " + request.from() + " to " + request.to()
                    + " already exists");
        }
        audit.record("progression-route.created", "progression-route", route.id().toString(), request);
        return route;
    }

    @Transactional
    public void delete(UUID id, String ifMatch, Consumer<List<RoleProfile>> mayEdit) {
        ProgressionRoute route = load(id);
        mayEdit.accept(List.of(profiles.findById(route.fromProfileId()), profiles.findById(route.toProfileId())));
        ETags.requireMatch(ifMatch, route.version());
        routes.delete(route);
        audit.record("progression-route.deleted", "progression-route", id.toString(),
                new NewRoute(route.fromProfileId(), route.toProfileId(), route.kind(), route.requirements()));
    }

    public ProgressionRoute load(UUID id) {
        return routes.findByIdOptional(id).orElseThrow(() -> NotFound.of("progression route", id));
    }

    private RoleProfile referenced(UUID id, String field) {
        return profiles.findByIdOptional(id)
                .orElseThrow(() -> UnknownReference.inBody(field, "Role profile " + id + " does not exist"));
    }
}
