package uk.org.lxp.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The role catalogue as the national LXP team keeps it: every profile published, found again by owner and title,
 * revised only when it differs from the data set; and the progression routes between them.
 */
final class CataloguePhase {

    private static final String PROFILES = "/api/v1/role-profiles";
    private static final String ROUTES = "/api/v1/progression-routes";

    record Result(Map<String, UUID> profileIds, DemoSummary.Count profiles, DemoSummary.Count routes) {
    }

    private final GatewayCalls calls;
    private final ObjectMapper json;
    private final Consumer<String> progress;

    CataloguePhase(GatewayCalls calls, ObjectMapper json, Consumer<String> progress) {
        this.calls = calls;
        this.json = json;
        this.progress = progress;
    }

    Result run(RoleCatalogue catalogue) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        Map<String, UUID> ids = new LinkedHashMap<>();
        DemoSummary.Count profiles = loadProfiles(admin, catalogue.profiles(), ids);
        progress.accept("role profiles: " + profiles);
        DemoSummary.Count routes = loadRoutes(admin, catalogue.routes(), ids);
        progress.accept("progression routes: " + routes);
        progress.accept("job evaluations: " + loadEvaluations(admin, catalogue.evaluations(), ids));
        return new Result(Map.copyOf(ids), profiles, routes);
    }

    /** Puts each profile's id under its key into {@code ids}. */
    private DemoSummary.Count loadProfiles(GatewayCalls.Caller admin, List<RoleCatalogue.Profile> profiles,
            Map<String, UUID> ids) {
        Tally tally = new Tally();
        Map<String, Map<String, JsonNode>> existingByOwner = new HashMap<>();
        for (RoleCatalogue.Profile profile : profiles) {
            Map<String, JsonNode> existing = existingByOwner.computeIfAbsent(
                    profile.owner() == null ? "national" : profile.owner(), owner -> catalogueOf(admin, owner));
            ids.put(profile.key(), ensure(admin, tally, profile, existing.get(profile.title())));
        }
        return tally.of(profiles.size());
    }

    private static DemoSummary.Count loadRoutes(GatewayCalls.Caller admin, List<RoleCatalogue.Route> routes,
            Map<String, UUID> ids) {
        Tally tally = new Tally();
        Map<UUID, List<JsonNode>> routesFrom = new HashMap<>();
        for (RoleCatalogue.Route route : routes) {
            UUID from = idOf(ids, route.from());
            UUID to = idOf(ids, route.to());
            // Routes cannot be revised: one with the same ends and kind is the route, whatever its requirements.
            boolean exists = routesFrom.computeIfAbsent(from, id -> admin.allPages(ROUTES + "?from=" + id)).stream()
                    .anyMatch(r -> r.path("toProfileId").asText().equals(to.toString())
                            && r.path("kind").asText().equals(route.kind()));
            if (!exists) {
                admin.post(ROUTES, new RouteRequest(from, to, route.kind(), route.requirements()), Map.of());
                tally.created(1);
            }
        }
        return tally.of(routes.size());
    }

    /** Records each evaluation whose ratings the profile does not already carry; the panel met on the load's day. */
    private DemoSummary.Count loadEvaluations(GatewayCalls.Caller admin, List<RoleCatalogue.Evaluation> evaluations,
            Map<String, UUID> ids) {
        Tally tally = new Tally();
        for (RoleCatalogue.Evaluation evaluation : evaluations) {
            UUID id = idOf(ids, evaluation.profile());
            GatewayCalls.Reply profile = admin.get(PROFILES + "/" + id);
            List<Map<String, Integer>> factors = new ArrayList<>();
            for (int factor = 1; factor <= evaluation.levelsFrom().size(); factor++) {
                factors.add(Map.of("factor", factor, "levelFrom", evaluation.levelsFrom().get(factor - 1),
                        "levelTo", evaluation.levelsTo().get(factor - 1)));
            }
            if (!json.valueToTree(factors).equals(profile.body().path("jobEvaluation").path("factors"))) {
                admin.put(PROFILES + "/" + id + "/job-evaluation", Map.of("evaluatedOn", SupervisionPhase.todayInEngland()
                        .toString(), "factors", factors, "panel", evaluation.panel()), profile.etag());
                tally.created(1);
            }
        }
        return tally.of(evaluations.size());
    }

    /** roles-service's ProgressionRouteRequest. */
    record RouteRequest(UUID fromProfileId, UUID toProfileId, String kind, List<String> requirements) {
    }

    /** The owner's profiles by title; a retired one is history, not the profile the data set means. */
    private static Map<String, JsonNode> catalogueOf(GatewayCalls.Caller admin, String owner) {
        Map<String, JsonNode> byTitle = new HashMap<>();
        for (JsonNode profile : admin.allPages(PROFILES + "?owner=" + owner)) {
            if (!"RETIRED".equals(profile.path("status").asText())) {
                byTitle.putIfAbsent(profile.path("title").asText(), profile);
            }
        }
        return byTitle;
    }

    /** Creates, revises and publishes as needed; returns the profile's id. */
    private UUID ensure(GatewayCalls.Caller admin, Tally tally, RoleCatalogue.Profile profile, JsonNode existing) {
        if (existing == null) {
            GatewayCalls.Reply created = admin.post(PROFILES, profile.profile(), Map.of());
            UUID id = UUID.fromString(created.body().path("id").asText());
            admin.postEmpty(PROFILES + "/" + id + "/publish", created.etag());
            tally.created(1);
            return id;
        }
        UUID id = UUID.fromString(existing.path("id").asText());
        boolean differs = !sameContent(profile.profile(), existing);
        boolean draft = "DRAFT".equals(existing.path("status").asText());
        if (differs || draft) {
            // The list does not carry versions; the profile itself carries its ETag.
            String etag = admin.get(PROFILES + "/" + id).etag();
            if (differs) {
                etag = admin.put(PROFILES + "/" + id, profile.profile(), etag).etag();
            }
            if (draft) {
                admin.postEmpty(PROFILES + "/" + id + "/publish", etag);
            }
            tally.changed(1);
        }
        return id;
    }

    /** Whether every field the data set gives has the same value in the catalogue. */
    private boolean sameContent(RoleCatalogue.Content wanted, JsonNode existing) {
        ObjectNode fields = json.valueToTree(wanted);
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode held = existing.hasNonNull(field.getKey()) ? existing.get(field.getKey()) : NullNode.getInstance();
            if (!field.getValue().equals(held)) {
                return false;
            }
        }
        return true;
    }

    private static UUID idOf(Map<String, UUID> ids, String key) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("A progression route names profile " + key + ", which the data set lacks");
        }
        return id;
    }
}
