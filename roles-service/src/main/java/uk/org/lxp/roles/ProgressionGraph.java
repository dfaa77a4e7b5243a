package uk.org.lxp.roles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The roles and the routes between them, for questions about careers: where can someone go from this role, how
 * high can they get, and which entry roles lead nowhere senior. Retired roles are not destinations.
 */
public final class ProgressionGraph {

    /** What the graph needs to know of a role. */
    public record Role(UUID id, String title, PayBand band, RoleLevel level, RoleProfile.Status status, String owner) {
    }

    /** One hop in a route onward. */
    @Schema(name = "ProgressionStep")
    public record Step(UUID from, UUID to, ProgressionRoute.Kind kind) {
    }

    /** A role reachable from the start, by the shortest chain of routes. */
    public record Destination(Role role, List<Step> path) {
    }

    public record Onward(List<Destination> destinations, Optional<PayBand> highestBand) {
    }

    private final Map<UUID, Role> roles = new HashMap<>();
    private final Map<UUID, List<Step>> routesFrom = new HashMap<>();

    public ProgressionGraph(List<Role> roles, List<Step> routes) {
        roles.forEach(role -> this.roles.put(role.id(), role));
        for (Step step : routes) {
            Role target = this.roles.get(step.to());
            if (target != null && target.status() != RoleProfile.Status.RETIRED) {
                routesFrom.computeIfAbsent(step.from(), from -> new ArrayList<>()).add(step);
            }
        }
    }

    /** Every role reachable from the start (breadth first, so each by a shortest path), and the highest band. */
    public Onward onwardFrom(UUID start) {
        Map<UUID, List<Step>> paths = new LinkedHashMap<>();
        Deque<UUID> queue = new ArrayDeque<>();
        paths.put(start, List.of());
        queue.add(start);
        while (!queue.isEmpty()) {
            UUID current = queue.poll();
            for (Step step : routesFrom.getOrDefault(current, List.of())) {
                if (!paths.containsKey(step.to())) {
                    List<Step> path = new ArrayList<>(paths.get(current));
                    path.add(step);
                    paths.put(step.to(), List.copyOf(path));
                    queue.add(step.to());
                }
            }
        }
        paths.remove(start);
        List<Destination> destinations = paths.entrySet().stream()
                .map(entry -> new Destination(roles.get(entry.getKey()), entry.getValue()))
                .toList();
        Optional<PayBand> highest = destinations.stream()
                .map(destination -> destination.role().band())
                .filter(PayBand::isAgendaForChange)
                .max(Comparator.naturalOrder());
        return new Onward(destinations, highest);
    }

    /** Entry-level roles that are in use and from which no chain of routes reaches Band 7 or above. */
    public List<Role> deadEnds(List<Role> candidates) {
        return candidates.stream()
                .filter(role -> role.level() == RoleLevel.ENTRY && role.status() != RoleProfile.Status.RETIRED)
                .filter(role -> !role.band().isSenior())
                .filter(role -> onwardFrom(role.id()).destinations().stream()
                        .noneMatch(destination -> destination.role().band().isSenior()))
                .toList();
    }
}
