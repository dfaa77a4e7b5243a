package uk.org.lxp.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Co-produced role development in one demo trust: it co-produces its roles, has a steering group, and has taken two
 * new roles to it. One, its readiness questions settled with people who use services and carers, was approved and
 * published; the other, some of its questions settled by staff alone, was sent back with changes requested and is
 * still a draft. Loading again finds the group and the two profiles by name and title and does only what is missing.
 */
final class RoleDevelopmentPhase {

    private static final String PROFILES = "/api/v1/role-profiles";
    private static final List<String> BOTH_SIDES = List.of("PEOPLE_WHO_USE_SERVICES", "CARERS", "TEAM_MEMBERS",
            "LIVED_EXPERIENCE_LEADS");
    private static final List<String> STAFF_ONLY = List.of("TEAM_MEMBERS");

    /** The demo's role development, as role-development.json holds it. */
    record Plan(String organisation, int reviewEveryMonths, JsonNode steeringGroup, Meeting meeting,
            List<NewRole> profiles) {
    }

    record Meeting(List<String> present, List<JsonNode> votes) {
    }

    record NewRole(RoleCatalogue.Content profile, List<String> topicsSettledByStaffOnly, String outcome,
            String rationale) {
    }

    private final GatewayCalls calls;
    private final Consumer<String> progress;
    private final LocalDate today;

    RoleDevelopmentPhase(GatewayCalls calls, Consumer<String> progress, LocalDate today) {
        this.calls = calls;
        this.progress = progress;
        this.today = today;
    }

    void run(Plan plan) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        String settings = "/api/v1/role-development-settings/" + plan.organisation();
        GatewayCalls.Reply held = admin.get(settings);
        if (!held.body().path("requiresCoProduction").asBoolean()) {
            admin.put(settings, Map.of("requiresCoProduction", true, "reviewEveryMonths", plan.reviewEveryMonths()),
                    held.etag());
        }
        String groupId = steeringGroup(admin, plan);
        List<JsonNode> topics = new ArrayList<>();
        admin.get("/api/v1/readiness-topics?organisation=" + plan.organisation()).body().forEach(topics::add);
        int published = 0;
        int sentBack = 0;
        for (NewRole role : plan.profiles()) {
            String status = develop(admin, plan, groupId, topics, role);
            published += "PUBLISHED".equals(status) ? 1 : 0;
            sentBack += "DRAFT".equals(status) ? 1 : 0;
        }
        progress.accept("role development: " + plan.organisation() + " co-produces its roles; " + published
                + " approved and published, " + sentBack + " sent back with changes requested");
    }

    private String steeringGroup(GatewayCalls.Caller admin, Plan plan) {
        String name = plan.steeringGroup().path("name").asText();
        for (JsonNode group : admin.allPages("/api/v1/steering-groups?owner=" + plan.organisation())) {
            if (group.path("name").asText().equals(name)) {
                return group.path("id").asText();
            }
        }
        return admin.post("/api/v1/steering-groups", plan.steeringGroup(), Map.of()).body().path("id").asText();
    }

    /** Takes one new role as far as its plan goes; returns its status. */
    private String develop(GatewayCalls.Caller admin, Plan plan, String groupId, List<JsonNode> topics, NewRole role) {
        JsonNode profile = existing(admin, role.profile());
        if (profile == null) {
            profile = admin.post(PROFILES, role.profile(), Map.of()).body();
        }
        String id = profile.path("id").asText();
        if (!"DRAFT".equals(profile.path("status").asText()) || profile.path("steeringDecisions").size() > 0
                && !"APPROVED".equals(role.outcome())) {
            return profile.path("status").asText();
        }
        String etag = admin.get(PROFILES + "/" + id).etag();
        Set<String> answered = new HashSet<>();
        for (JsonNode topic : admin.get(PROFILES + "/" + id + "/readiness").body().path("topics")) {
            if (topic.hasNonNull("answer")) {
                answered.add(topic.path("code").asText());
            }
        }
        for (JsonNode topic : topics) {
            String code = topic.path("code").asText();
            if (!answered.contains(code)) {
                boolean staffOnly = role.topicsSettledByStaffOnly().contains(code);
                etag = admin.put(PROFILES + "/" + id + "/readiness/" + code, Map.of(
                        "answer", (staffOnly ? "Settled by the team: " : "Settled at the co-production workshops: ")
                                + topic.path("covers").asText(),
                        "perspectives", staffOnly ? STAFF_ONLY : BOTH_SIDES), etag).etag();
            }
        }
        if (profile.path("steeringDecisions").isEmpty()) {
            etag = admin.post(PROFILES + "/" + id + "/steering-decisions", Map.of(
                    // The group met on the day of the load: a decision stands only for content the profile still has.
                    "steeringGroupId", groupId, "meetingOn", today.toString(),
                    "matter", "PUBLISH", "outcome", role.outcome(), "present", plan.meeting().present(),
                    "votes", plan.meeting().votes(), "rationale", role.rationale()), etag).etag();
        }
        if (!"APPROVED".equals(role.outcome())) {
            return "DRAFT";
        }
        return admin.postEmpty(PROFILES + "/" + id + "/publish", etag).body().path("status").asText();
    }

    private static JsonNode existing(GatewayCalls.Caller admin, RoleCatalogue.Content wanted) {
        for (JsonNode profile : admin.allPages(PROFILES + "?owner=" + wanted.ownerOdsCode())) {
            if (profile.path("title").asText().equals(wanted.title()) && !"RETIRED".equals(profile.path("status").asText())) {
                return profile;
            }
        }
        return null;
    }
}
