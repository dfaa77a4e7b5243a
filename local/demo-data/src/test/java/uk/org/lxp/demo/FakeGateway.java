package uk.org.lxp.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway and the services behind it, in memory and only as far as the loader uses them: the same paths,
 * roles per client, ETags and If-Match, Idempotency-Keys that replay, pay records refused until pay equity has
 * "heard" of the posts, and problem documents. Each supervision agreement comes with four past sessions to record. It records every change, so a test can see that a reload makes
 * none. Tokens are {@code token-<client>-<n>}; the first one issued to lxp-demo-admin has expired.
 */
final class FakeGateway implements AutoCloseable {

    /** Pages are smaller than the loader asks for, so that it has to follow them. */
    private static final int PAGE_LIMIT = 20;
    private static final Pattern TOKEN = Pattern.compile("Bearer token-(.+)-(\\d+)");

    static {
        // Without TCP_NODELAY every exchange waits about 40 ms for a delayed ACK; read once, before any server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = Json.mapper();
    private final HttpServer server;
    private final Map<String, AtomicInteger> tokensIssued = new HashMap<>();
    private final Map<String, ObjectNode> organisations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final List<ObjectNode> routes = new ArrayList<>();
    private final List<ObjectNode> systemPayStandards = new ArrayList<>();
    private final Map<String, ObjectNode> fundingProgrammes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> fundingApplications = new LinkedHashMap<>();
    private final Map<String, ObjectNode> posts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> payRecords = new LinkedHashMap<>();
    private final Map<String, ObjectNode> comparators = new HashMap<>();
    private final Map<String, ObjectNode> supervisors = new LinkedHashMap<>();
    private final List<ObjectNode> agreements = new ArrayList<>();
    private final Map<String, ObjectNode> sessions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final Map<String, ObjectNode> meetings = new LinkedHashMap<>();
    private final Map<String, ObjectNode> cohorts = new LinkedHashMap<>();
    private final Map<String, ObjectNode> trainees = new LinkedHashMap<>();
    private final Map<String, ObjectNode> roleDevelopmentSettings = new HashMap<>();
    private final Map<String, ObjectNode> steeringGroups = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonNode>> readinessAnswers = new HashMap<>();
    private final Map<String, String[]> idempotentResponses = new HashMap<>();
    private final Map<String, Integer> payRefusalsLeft = new HashMap<>();
    private final List<String> changes = new ArrayList<>();
    private int evaluations;
    private String refusePostsOf;

    FakeGateway() throws IOException {
        seedOrganisations();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    ClientTokens tokens() {
        return client -> "token-" + client + "-" + tokensIssued.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
    }

    /** pay-equity-service refuses the trust's pay records this many times, as if its posts were still in Kafka. */
    void delayPayEquityFor(String organisation, int refusals) {
        payRefusalsLeft.put(organisation, refusals);
    }

    /** A profile someone left in the catalogue before the demo was loaded. */
    void addProfile(String owner, String title, String band, String status) {
        ObjectNode profile = json.createObjectNode().put("ownerOdsCode", owner).put("title", title).put("band", band);
        store(profiles, UUID.randomUUID().toString(), profile, 3).put("status", status);
    }

    void refusePostsOf(String organisation) {
        refusePostsOf = organisation;
    }

    List<String> changes() {
        return changes;
    }

    ObjectNode organisation(String odsCode) {
        return organisations.get(odsCode);
    }

    List<ObjectNode> profiles() {
        return List.copyOf(profiles.values());
    }

    List<ObjectNode> routes() {
        return routes;
    }

    ObjectNode post(String organisation, String reference) {
        return posts.get(organisation + "|" + reference);
    }

    long postCount() {
        return posts.size();
    }

    long payRecordCount() {
        return payRecords.size();
    }

    ObjectNode comparators(String organisation) {
        return comparators.get(organisation);
    }

    long supervisorCount() {
        return supervisors.size();
    }

    List<ObjectNode> agreements() {
        return agreements;
    }

    List<ObjectNode> sessions() {
        return List.copyOf(sessions.values());
    }

    int tokensIssuedTo(String client) {
        return tokensIssued.getOrDefault(client, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Call(String method, String path, Map<String, String> query, String client, JsonNode body,
            HttpExchange exchange) {

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    private record Answer(int status, Object body, String etag, boolean replayed) {

        Answer(int status, Object body, String etag) {
            this(status, body, etag, false);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Matcher token = TOKEN.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!token.matches() || (token.group(1).equals(DemoClients.LXP_ADMIN) && token.group(2).equals("1"))) {
                answer = problem(401, "Unauthorized", "The token has expired");
            } else {
                Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        query(exchange.getRequestURI().getRawQuery()), token.group(1),
                        bytes.length == 0 ? null : json.readTree(bytes), exchange);
                answer = route(call, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            answer = problem(500, "Internal Server Error", e.toString());
        }
        byte[] body = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        if (answer.etag() != null) {
            exchange.getResponseHeaders().set("ETag", answer.etag());
        }
        if (answer.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Answer route(Call call, String rawBody) {
        String admin = DemoClients.LXP_ADMIN;
        String p = call.path();
        String m = call.method();
        if (p.startsWith("/api/v1/organisations")) {
            return call.client().equals(admin) ? organisations(call) : forbidden(call);
        }
        if (p.startsWith("/api/v1/role-profiles")) {
            return call.client().equals(admin) ? profiles(call) : forbidden(call);
        }
        if (p.startsWith("/api/v1/role-development-settings/") || p.equals("/api/v1/steering-groups")
                || p.equals("/api/v1/readiness-topics")) {
            return call.client().equals(admin) ? roleDevelopment(call) : forbidden(call);
        }
        if (p.equals("/api/v1/progression-routes")) {
            return call.client().equals(admin) ? routes(call) : forbidden(call);
        }
        if (p.startsWith("/api/v1/funding-programmes")) {
            return fundingProgrammes(call);
        }
        if (p.equals("/api/v1/system-pay-standards")) {
            return call.client().equals(admin) ? systemPayStandards(call) : forbidden(call);
        }
        if (p.equals("/api/v1/parity-findings/evaluations") && m.equals("POST")) {
            evaluations++;
            return call.client().equals(admin) ? new Answer(200, Map.of("raised", 0), null) : forbidden(call);
        }
        if (p.equals("/api/v1/parity-findings") && m.equals("GET")) {
            return page(findings(), call);
        }
        if (p.startsWith("/api/v1/supervisors") || p.startsWith("/api/v1/supervision-agreements")
                || p.startsWith("/api/v1/sessions")) {
            return supervision(call, rawBody);
        }
        if (p.startsWith("/api/v1/reflective-groups") || p.startsWith("/api/v1/training-cohorts")) {
            return programmes(call);
        }
        String organisation = p.startsWith("/api/v1/comparators/") ? p.substring(p.lastIndexOf('/') + 1)
                : call.body() != null ? call.body().path("organisationCode").asText() : call.query().get("organisation");
        if (!call.client().equals(DemoClients.hrIntegration(String.valueOf(organisation)))) {
            return forbidden(call);
        }
        if (p.equals("/api/v1/posts/bulk") && m.equals("POST")) {
            return once(call, rawBody, () -> postsBulk(call.body()));
        }
        if (p.equals("/api/v1/posts") && m.equals("GET")) {
            return page(posts.values().stream().filter(post -> post.path("organisationCode").asText().equals(organisation))
                    .collect(Collectors.toList()), call);
        }
        if (p.equals("/api/v1/pay-records/bulk") && m.equals("POST")) {
            return once(call, rawBody, () -> payRecordsBulk(call.body()));
        }
        if (p.startsWith("/api/v1/comparators/")) {
            return comparators(call, organisation);
        }
        return problem(404, "Not Found", "No route for " + m + " " + p);
    }

    private Answer supervision(Call call, String rawBody) {
        String path = call.path();
        JsonNode body = call.body();
        String organisation = switch (path) {
            case "/api/v1/supervisors/bulk" -> body.path("supervisors").path(0).path("organisationCode").asText();
            case "/api/v1/supervision-agreements/bulk" -> body.path("agreements").path(0).path("organisationCode").asText();
            case "/api/v1/sessions/outcomes/bulk" -> sessions.get(body.path("outcomes").path(0).path("sessionId").asText())
                    .path("organisationCode").asText();
            default -> call.query().get("organisation");
        };
        if (!call.client().equals(DemoClients.hrIntegration(String.valueOf(organisation)))) {
            return forbidden(call);
        }
        return switch (call.method() + " " + path) {
            case "POST /api/v1/supervisors/bulk" -> once(call, rawBody, () -> supervisorsBulk(body));
            case "POST /api/v1/supervision-agreements/bulk" -> once(call, rawBody, () -> agreementsBulk(body));
            case "POST /api/v1/sessions/outcomes/bulk" -> once(call, rawBody, () -> outcomesBulk(body));
            case "GET /api/v1/supervision-agreements" -> page(agreements.stream()
                    .filter(agreement -> agreement.path("organisationCode").asText().equals(organisation))
                    .collect(Collectors.toList()), call);
            case "GET /api/v1/sessions" -> page(sessions.values().stream()
                    .filter(session -> session.path("organisationCode").asText().equals(organisation))
                    .filter(session -> session.path("status").asText().equals(call.query().get("status")))
                    .collect(Collectors.toList()), call);
            default -> problem(404, "Not Found", "No route for " + call.method() + " " + path);
        };
    }

    private Answer supervisorsBulk(JsonNode request) {
        int registered = 0;
        ArrayNode ids = json.createArrayNode();
        for (JsonNode item : request.path("supervisors")) {
            String key = item.path("organisationCode").asText() + "|" + item.path("staffReference").asText();
            if (!supervisors.containsKey(key)) {
                store(supervisors, key, (ObjectNode) item, 0).put("id", UUID.randomUUID().toString());
                changes.add("registered supervisor " + key);
                registered++;
            }
            ids.add(supervisors.get(key).path("id").asText());
        }
        return new Answer(200, Map.of("registered", registered, "changed", 0,
                "unchanged", request.path("supervisors").size() - registered, "ids", ids), null);
    }

    private Answer agreementsBulk(JsonNode request) {
        ArrayNode ids = json.createArrayNode();
        for (JsonNode item : request.path("agreements")) {
            ObjectNode agreement = ((ObjectNode) item).deepCopy().put("id", UUID.randomUUID().toString()).put("status", "ACTIVE");
            agreements.add(agreement);
            changes.add("agreed supervision of " + item.path("superviseeStaffReference").asText());
            for (int week = 0; week < 8; week += 2) {
                String id = UUID.randomUUID().toString();
                sessions.put(id, json.createObjectNode().put("id", id).put("agreementId", agreement.path("id").asText())
                        .put("organisationCode", item.path("organisationCode").asText())
                        .put("superviseeStaffReference", item.path("superviseeStaffReference").asText())
                        .put("status", "SCHEDULED"));
            }
            ids.add(agreement.path("id").asText());
        }
        return new Answer(200, Map.of("created", ids.size(), "ids", ids), null);
    }

    private Answer outcomesBulk(JsonNode request) {
        for (JsonNode item : request.path("outcomes")) {
            ObjectNode session = sessions.get(item.path("sessionId").asText());
            if (session == null || !session.path("status").asText().equals("SCHEDULED")) {
                return problem(409, "Conflict", "Session " + item.path("sessionId").asText() + " was recorded already");
            }
            session.put("status", item.path("outcome").path("status").asText());
            changes.add("recorded session " + session.path("id").asText());
        }
        return new Answer(200, Map.of("recorded", request.path("outcomes").size()), null);
    }

    /**
     * Reflective practice groups (each formed with eight weekly meetings, all past) and training cohorts with their
     * trainees, as supervision-service answers the HR client of the group's or cohort's organisation.
     */
    private Answer programmes(Call call) {
        String[] parts = call.path().split("/");
        JsonNode body = call.body();
        boolean groupsPath = parts[3].equals("reflective-groups");
        Map<String, ObjectNode> owners = groupsPath ? groups : cohorts;
        String organisation = parts.length > 4 ? owners.get(parts[4]).path("organisationCode").asText()
                : body != null ? body.path("organisationCode").asText() : call.query().get("organisation");
        if (!call.client().equals(DemoClients.hrIntegration(organisation))) {
            return forbidden(call);
        }
        if (parts.length == 4) {
            if (call.method().equals("GET")) {
                return page(owners.values().stream().filter(o -> o.path("organisationCode").asText().equals(organisation))
                        .collect(Collectors.toList()), call);
            }
            ObjectNode created = store(owners, UUID.randomUUID().toString(), (ObjectNode) body, 0);
            changes.add((groupsPath ? "formed group " : "created cohort ") + created.path("name").asText());
            if (groupsPath) {
                LocalDate first = LocalDate.parse(body.path("cadence").path("firstDay").asText());
                for (int week = 0; week < 8; week++) {
                    store(meetings, UUID.randomUUID().toString(), json.createObjectNode().put("groupId", created.path("id").asText())
                            .put("occurrence", first.plusWeeks(week) + "T12:00:00").put("status", "SCHEDULED"), 0);
                }
            }
            return new Answer(201, created, etag(created));
        }
        if (groupsPath && parts.length == 6) {
            return page(meetings.values().stream().filter(m -> m.path("groupId").asText().equals(parts[4]))
                    .collect(Collectors.toList()), call);
        }
        if (groupsPath) {
            ObjectNode meeting = meetings.get(parts[6]);
            Answer stale = requireMatch(call, meeting);
            if (stale != null) {
                return stale;
            }
            meeting.put("status", body.path("status").asText()).put("version", meeting.path("version").asInt() + 1);
            changes.add("recorded meeting " + parts[6]);
            return new Answer(200, meeting, etag(meeting));
        }
        if (parts.length == 6) {
            ObjectNode trainee = store(trainees, UUID.randomUUID().toString(), (ObjectNode) body, 0);
            trainee.put("cohortId", parts[4]).put("status", "ENROLLED");
            changes.add("enrolled " + body.path("traineeReference").asText());
            return new Answer(201, trainee, etag(trainee));
        }
        ObjectNode trainee = trainees.get(parts[6]);
        Answer stale = requireMatch(call, trainee);
        if (stale != null) {
            return stale;
        }
        trainee.put("version", trainee.path("version").asInt() + 1);
        switch (parts[7]) {
            case "completion" -> trainee.put("status", "COMPLETED");
            case "withdrawal" -> trainee.put("status", "WITHDRAWN");
            default -> trainee.set("attendance", body.path("modules"));
        }
        changes.add(parts[7] + " of " + trainee.path("traineeReference").asText());
        return new Answer(200, trainee, etag(trainee));
    }

    List<ObjectNode> meetings() {
        return List.copyOf(meetings.values());
    }

    List<ObjectNode> trainees() {
        return List.copyOf(trainees.values());
    }

    private Answer organisations(Call call) {
        String ods = call.path().substring("/api/v1/organisations".length()).replace("/", "");
        ObjectNode held = organisations.get(ods);
        switch (call.method()) {
            case "GET":
                return held == null ? problem(404, "Not Found", "No organisation with ODS code " + ods)
                        : new Answer(200, held, etag(held));
            case "POST":
                String code = call.body().path("odsCode").asText();
                if (organisations.containsKey(code)) {
                    return problem(409, "Conflict", "Organisation " + code + " is already registered");
                }
                ObjectNode created = store(organisations, code, (ObjectNode) call.body(), 0);
                changes.add("registered " + code);
                return new Answer(201, created, etag(created));
            default:
                Answer stale = requireMatch(call, held);
                if (stale != null) {
                    return stale;
                }
                ObjectNode changed = store(organisations, ods, (ObjectNode) call.body(), held.path("version").asInt() + 1);
                changed.put("odsCode", ods);
                changes.add("changed " + ods);
                return new Answer(200, changed, etag(changed));
        }
    }

    private Answer profiles(Call call) {
        String[] parts = call.path().substring("/api/v1/role-profiles".length()).split("/");
        ObjectNode held = parts.length > 1 ? profiles.get(parts[1]) : null;
        if (parts.length > 1 && held == null) {
            return problem(404, "Not Found", "No role profile " + parts[1]);
        }
        if (call.method().equals("GET") && held == null) {
            String owner = call.query().get("owner");
            return page(profiles.values().stream().filter(profile -> "national".equals(owner)
                            ? profile.path("ownerOdsCode").isNull() : profile.path("ownerOdsCode").asText().equals(owner))
                    .map(profile -> (JsonNode) profile.deepCopy().without("version")).collect(Collectors.toList()), call);
        }
        if (call.method().equals("GET") && parts.length > 2 && parts[2].equals("readiness")) {
            ArrayNode topics = json.createArrayNode();
            readinessAnswers.getOrDefault(parts[1], Map.of()).forEach((code, answer) ->
                    topics.add(json.createObjectNode().put("code", code).set("answer", answer)));
            return new Answer(200, json.createObjectNode().set("topics", topics), etag(held));
        }
        if (call.method().equals("GET")) {
            return new Answer(200, (JsonNode) held.deepCopy().without("version"), etag(held));
        }
        if (call.method().equals("POST") && held == null) {
            ObjectNode created = store(profiles, UUID.randomUUID().toString(), (ObjectNode) call.body(), 0);
            created.put("status", "DRAFT");
            changes.add("created profile " + created.path("title").asText());
            return new Answer(201, created, etag(created));
        }
        Answer stale = requireMatch(call, held);
        if (stale != null) {
            return stale;
        }
        String status = held.path("status").asText();
        if (parts.length > 2 && !parts[2].equals("publish")) {
            return developRole(call, parts, held);
        }
        if (parts.length > 2 && parts[2].equals("publish")) {
            if (!status.equals("DRAFT")) {
                return problem(409, "Conflict", "Only a draft can be published; this profile is " + status);
            }
            Answer notCoProduced = requireCoProduction(parts[1], held);
            if (notCoProduced != null) {
                return notCoProduced;
            }
            status = "PUBLISHED";
        }
        ObjectNode changed = store(profiles, parts[1], call.body() == null ? held : (ObjectNode) call.body(),
                held.path("version").asInt() + 1);
        changed.put("status", status);
        changes.add((parts.length > 2 ? "published " : "revised ") + changed.path("title").asText());
        return new Answer(200, changed, etag(changed));
    }

    /** roles-service's settings, steering groups and readiness topics, as far as the loader uses them. */
    private Answer roleDevelopment(Call call) {
        String p = call.path();
        if (p.startsWith("/api/v1/role-development-settings/")) {
            String ods = p.substring(p.lastIndexOf('/') + 1);
            ObjectNode held = roleDevelopmentSettings.computeIfAbsent(ods, o -> json.createObjectNode().put("odsCode", o)
                    .put("requiresCoProduction", false).put("reviewEveryMonths", 12).put("version", 0));
            if (call.method().equals("GET")) {
                return new Answer(200, held, etag(held));
            }
            Answer stale = requireMatch(call, held);
            if (stale != null) {
                return stale;
            }
            ObjectNode changed = store(roleDevelopmentSettings, ods, (ObjectNode) call.body(), held.path("version").asInt() + 1);
            changed.put("odsCode", ods);
            changes.add("settings of " + ods);
            return new Answer(200, changed, etag(changed));
        }
        if (p.equals("/api/v1/steering-groups")) {
            if (call.method().equals("GET")) {
                return page(steeringGroups.values().stream().filter(group -> group.path("ownerOdsCode").asText()
                        .equals(call.query().get("owner"))).collect(Collectors.toList()), call);
            }
            ObjectNode created = store(steeringGroups, UUID.randomUUID().toString(), (ObjectNode) call.body(), 0);
            changes.add("created steering group " + created.path("name").asText());
            return new Answer(201, created, etag(created));
        }
        ArrayNode topics = json.createArrayNode();
        for (String code : List.of("COMMUNITIES", "TEAM_READINESS", "TRAINING", "EMBEDDING", "JOB_DESCRIPTION")) {
            topics.add(json.createObjectNode().put("code", code).put("topic", code).put("covers", "What " + code + " covers"));
        }
        return new Answer(200, topics, null);
    }

    /** A profile's readiness answers and steering decisions; each is a change of the profile. */
    private Answer developRole(Call call, String[] parts, ObjectNode held) {
        Map<String, JsonNode> answers = readinessAnswers.computeIfAbsent(parts[1], id -> new LinkedHashMap<>());
        if (parts[2].equals("job-evaluation")) {
            held.set("jobEvaluation", call.body());
        } else if (parts[2].equals("readiness") && parts.length > 3) {
            answers.put(parts[3], call.body());
        } else if (parts[2].equals("steering-decisions")) {
            held.withArray("steeringDecisions").add(call.body());
        } else {
            return problem(404, "Not Found", "No route for " + call.method() + " " + call.path());
        }
        held.put("version", held.path("version").asInt() + 1);
        changes.add(parts[2] + " of " + held.path("title").asText());
        return new Answer(200, held, etag(held));
    }

    /** roles-service's rule: an organisation that co-produces publishes settled, approved profiles only. */
    private Answer requireCoProduction(String id, ObjectNode held) {
        JsonNode settings = roleDevelopmentSettings.get(held.path("ownerOdsCode").asText());
        if (settings == null || !settings.path("requiresCoProduction").asBoolean()) {
            return null;
        }
        Map<String, JsonNode> answers = readinessAnswers.getOrDefault(id, Map.of());
        boolean settled = answers.size() == 5 && answers.values().stream().allMatch(answer ->
                answer.path("perspectives").toString().contains("PEOPLE_WHO_USE_SERVICES")
                        && answer.path("perspectives").toString().contains("TEAM_MEMBERS"));
        boolean approved = held.path("steeringDecisions").findValuesAsText("outcome").contains("APPROVED");
        return settled && approved ? null
                : problem(422, "Unprocessable Content", "The readiness questions are not settled or not approved");
    }

    private Answer routes(Call call) {
        if (call.method().equals("GET")) {
            return page(routes.stream().filter(route -> route.path("fromProfileId").asText().equals(call.query().get("from")))
                    .collect(Collectors.toList()), call);
        }
        JsonNode body = call.body();
        if (routes.stream().anyMatch(route -> route.path("fromProfileId").equals(body.path("fromProfileId"))
                && route.path("toProfileId").equals(body.path("toProfileId")) && route.path("kind").equals(body.path("kind")))) {
            return problem(409, "Conflict", "The route exists");
        }
        ObjectNode route = ((ObjectNode) body).deepCopy().put("id", UUID.randomUUID().toString());
        routes.add(route);
        changes.add("created route");
        return new Answer(201, route, "\"0\"");
    }

    private Answer postsBulk(JsonNode request) {
        String organisation = request.path("organisationCode").asText();
        if (organisation.equals(refusePostsOf)) {
            return new Answer(400, Map.of("title", "Bad Request", "status", 400,
                    "detail", "posts[3] (" + organisation + "-PSW-0004): FTE must be above 0 and at most 1"), null);
        }
        int created = 0;
        int changed = 0;
        for (JsonNode item : request.path("posts")) {
            JsonNode profile = profiles.get(item.path("roleProfileId").asText());
            if (profile == null || !(profile.path("ownerOdsCode").isNull()
                    || profile.path("ownerOdsCode").asText().equals(organisation))) {
                return problem(400, "Bad Request", "Role profile " + item.path("roleProfileId") + " is not usable by " + organisation);
            }
            if (item.path("status").asText().equals("FILLED") == item.path("holderStaffReference").isNull()) {
                return problem(400, "Bad Request", "A filled post names its holder's staff reference; any other post names none");
            }
            ObjectNode post = ((ObjectNode) item).deepCopy().put("organisationCode", organisation);
            ObjectNode before = posts.put(organisation + "|" + item.path("postReference").asText(), post);
            if (before == null) {
                created++;
            } else if (!before.equals(post)) {
                changed++;
            }
        }
        if (created + changed > 0) {
            changes.add(organisation + " posts: " + created + " created, " + changed + " changed");
        }
        return new Answer(200, Map.of("created", created, "changed", changed,
                "unchanged", request.path("posts").size() - created - changed), null);
    }

    private Answer payRecordsBulk(JsonNode request) {
        String organisation = request.path("organisationCode").asText();
        int refusals = payRefusalsLeft.getOrDefault(organisation, 0);
        List<String> unknown = new ArrayList<>();
        request.path("records").forEach(record -> {
            if (!posts.containsKey(organisation + "|" + record.path("postReference").asText())) {
                unknown.add(record.path("postReference").asText());
            }
        });
        if (refusals > 0 || !unknown.isEmpty()) {
            payRefusalsLeft.put(organisation, refusals - 1);
            return problem(422, "Unknown reference", "/problems/unknown-reference", "Posts of " + organisation
                    + " not known to pay equity (register them with roles-service first): " + String.join(", ", unknown));
        }
        int created = 0;
        int changed = 0;
        for (JsonNode record : request.path("records")) {
            String key = organisation + "|" + record.path("postReference").asText() + "@" + record.path("effectiveFrom").asText();
            ObjectNode paid = ((ObjectNode) record).deepCopy()
                    .put("postStatusWhenPaid", posts.get(organisation + "|" + record.path("postReference").asText())
                            .path("status").asText());
            ObjectNode before = payRecords.put(key, paid);
            if (before == null) {
                created++;
            } else if (!before.equals(paid)) {
                changed++;
            }
        }
        if (created + changed > 0) {
            changes.add(organisation + " pay records: " + created + " created, " + changed + " changed");
        }
        return new Answer(200, Map.of("created", created, "changed", changed,
                "unchanged", request.path("records").size() - created - changed), null);
    }

    private Answer comparators(Call call, String organisation) {
        if (call.method().equals("GET")) {
            ObjectNode held = comparators.get(organisation);
            return held == null ? problem(404, "Not Found", "No comparator snapshot for " + organisation)
                    : new Answer(200, held, null);
        }
        ObjectNode snapshot = json.createObjectNode().put("organisationCode", organisation)
                .put("asOf", call.body().path("asOf").asText()).put("records", call.body().path("records").size());
        ObjectNode groups = snapshot.putObject("byStaffGroup");
        call.body().path("records").forEach(record -> groups.put(record.path("staffGroupCode").asText(),
                groups.path(record.path("staffGroupCode").asText()).asInt() + 1));
        comparators.put(organisation, snapshot);
        changes.add(organisation + " comparators replaced");
        return new Answer(200, snapshot, null);
    }

    /** roles-service's funding programmes and the trusts' answers, as far as the loader uses them. */
    private Answer fundingProgrammes(Call call) {
        String[] parts = call.path().substring("/api/v1/funding-programmes".length()).split("/");
        boolean admin = call.client().equals(DemoClients.LXP_ADMIN);
        if (parts.length <= 1) {
            if (!admin) {
                return forbidden(call);
            }
            if (call.method().equals("GET")) {
                ArrayNode all = json.createArrayNode();
                fundingProgrammes.values().forEach(all::add);
                return new Answer(200, all, null);
            }
            ObjectNode created = ((ObjectNode) call.body().deepCopy()).put("id", UUID.randomUUID().toString());
            fundingProgrammes.put(created.path("id").asText(), created);
            changes.add("funding programme " + created.path("name").asText());
            return new Answer(201, created, null);
        }
        String programme = parts[1];
        if (parts.length == 3 && call.method().equals("GET")) {
            ArrayNode own = json.createArrayNode();
            fundingProgrammes.get(programme).path("eligibleOrganisations").forEach(ods -> {
                if (call.client().equals(DemoClients.hrIntegration(ods.asText()))) {
                    own.add(fundingApplications.getOrDefault(programme + "|" + ods.asText(),
                            json.createObjectNode().put("organisationCode", ods.asText()).putNull("state").putNull("version")));
                }
            });
            return new Answer(200, own, null);
        }
        String organisation = parts[3];
        if (!call.client().equals(DemoClients.hrIntegration(organisation))) {
            return forbidden(call);
        }
        ObjectNode held = fundingApplications.get(programme + "|" + organisation);
        if (held != null) {
            Answer stale = requireMatch(call, held);
            if (stale != null) {
                return stale;
            }
        }
        ObjectNode next = json.createObjectNode().put("organisationCode", organisation)
                .put("state", call.body().path("state").asText())
                .put("version", held == null ? 0 : held.path("version").asInt() + 1);
        fundingApplications.put(programme + "|" + organisation, next);
        changes.add(organisation + " " + next.path("state").asText());
        return new Answer(200, next, etag(next));
    }

    /** pay-equity-service's system pay standards, as far as the loader uses them. */
    private Answer systemPayStandards(Call call) {
        if (call.method().equals("GET")) {
            ArrayNode held = json.createArrayNode();
            systemPayStandards.stream().filter(standard -> standard.path("icbOdsCode").asText()
                    .equals(call.query().get("icb"))).forEach(held::add);
            return new Answer(200, held, null);
        }
        ObjectNode created = ((ObjectNode) call.body().deepCopy()).put("id", UUID.randomUUID().toString());
        systemPayStandards.add(created);
        changes.add("standard of " + created.path("icbOdsCode").asText() + " for " + created.path("family").asText());
        return new Answer(201, created, null);
    }

    /** What the parity rules would find once pay equity has caught up, which takes it one evaluation. */
    private List<ObjectNode> findings() {
        List<ObjectNode> findings = new ArrayList<>();
        findings.add(finding("NO_SENIOR_POST", "RXG", "QWO", "RESOLVED"));
        if (evaluations < 2) {
            return findings;
        }
        findings.add(finding("BAND_VARIANCE", null, "QWO", "OPEN"));
        findings.add(finding("BAND_VARIANCE", null, null, "OPEN"));
        findings.add(finding("SESSIONAL_UNDERPAYMENT", "RXA", "QYG", "OPEN"));
        findings.add(finding("NO_SENIOR_POST", "RT2", "QOP", "ACKNOWLEDGED"));
        findings.add(finding("BELOW_COMPARATOR", "RW4", "QYG", "OPEN"));
        findings.add(finding("FIXED_TERM_CONCENTRATION", "R0A", "QOP", "OPEN"));
        if (profiles.values().stream().anyMatch(p -> p.path("ownerOdsCode").asText().equals("RXG") && p.has("jobEvaluation"))) {
            findings.add(finding("BELOW_EVALUATED_BAND", "RXG", "QWO", "OPEN"));
            findings.add(finding("EQUAL_VALUE_PAY_GAP", "RXG", "QWO", "OPEN"));
        }
        if (fundingApplications.getOrDefault(fundingProgrammes.keySet().stream().findFirst().orElse("") + "|RT2",
                json.createObjectNode()).path("state").asText().equals("SUCCESSFUL")) {
            findings.add(finding("FUNDED_POST_NOT_CREATED", "RT2", "QOP", "OPEN"));
        }
        if (posts.values().stream().anyMatch(post -> post.path("postReference").asText().startsWith("RW4-LEL-")
                && post.hasNonNull("vacantSince") && post.path("funding").hasNonNull("programmeId"))) {
            findings.add(finding("FUNDED_POST_NOT_FILLED", "RW4", "QYG", "OPEN"));
        }
        if (posts.values().stream().anyMatch(post -> post.path("postReference").asText().startsWith("RXA-PSC-")
                && post.path("funding").hasNonNull("programmeId"))) {
            findings.add(finding("FUNDED_POST_DOWNBANDED", "RXA", "QYG", "OPEN"));
        }
        if (systemPayStandards.stream().anyMatch(standard -> standard.path("icbOdsCode").asText().equals("QWO"))) {
            findings.add(finding("DEVIATES_FROM_SYSTEM_STANDARD", "RXG", "QWO", "OPEN"));
        }
        boolean trainersPaidThenClosed = payRecords.values().stream()
                .anyMatch(pay -> pay.path("postReference").asText().startsWith("RXV-LET-")
                        && pay.path("postStatusWhenPaid").asText().equals("FILLED"))
                && posts.values().stream().filter(post -> post.path("postReference").asText().startsWith("RXV-LET-"))
                        .allMatch(post -> post.path("status").asText().equals("CLOSED"));
        if (trainersPaidThenClosed) {
            findings.add(finding("UNPAID_SUBSTITUTION", "RXV", "QOP", "OPEN"));
        }
        return findings;
    }

    private ObjectNode finding(String rule, String organisation, String icb, String status) {
        ObjectNode finding = json.createObjectNode().put("id", UUID.randomUUID().toString()).put("rule", rule)
                .put("status", status);
        finding.put("organisationCode", organisation).put("icbCode", icb);
        return finding;
    }

    /** Idempotency-Key: a success is stored and replayed for the same body; a refusal is not stored. */
    private Answer once(Call call, String rawBody, java.util.function.Supplier<Answer> work) {
        String key = call.header("Idempotency-Key");
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,128}")) {
            return problem(400, "Bad Request", "Send an Idempotency-Key header with every bulk request");
        }
        String[] stored = idempotentResponses.get(call.client() + "|" + key);
        if (stored != null) {
            return stored[0].equals(rawBody) ? new Answer(200, readTree(stored[1]), null, true)
                    : problem(422, "Idempotency key reused", "/problems/idempotency-key-reused",
                            "Idempotency-Key " + key + " was already used for a different request");
        }
        Answer answer = work.get();
        if (answer.status() == 200) {
            idempotentResponses.put(call.client() + "|" + key, new String[] {rawBody, write(answer.body())});
        }
        return answer;
    }

    private Answer page(List<? extends JsonNode> items, Call call) {
        int page = Integer.parseInt(call.query().getOrDefault("page", "0"));
        int size = Math.min(PAGE_LIMIT, Integer.parseInt(call.query().getOrDefault("size", "50")));
        ArrayNode pageItems = json.createArrayNode();
        items.stream().skip((long) page * size).limit(size).forEach(pageItems::add);
        return new Answer(200, Map.of("items", pageItems, "page", page, "size", size, "totalItems", items.size()), null);
    }

    private Answer requireMatch(Call call, ObjectNode held) {
        String ifMatch = call.header("If-Match");
        if (ifMatch == null) {
            return problem(428, "Precondition Required", "Send the resource's current ETag in If-Match to change it");
        }
        return ifMatch.equals(etag(held)) ? null
                : problem(412, "Precondition Failed", "The resource has changed since you read it: its ETag is now " + etag(held));
    }

    private Answer forbidden(Call call) {
        return problem(403, "Forbidden", call.client() + " may not " + call.method() + " " + call.path());
    }

    private static Answer problem(int status, String title, String detail) {
        return problem(status, title, "/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), detail);
    }

    private static Answer problem(int status, String title, String type, String detail) {
        return new Answer(status, Map.of("type", type, "title", title, "status", status, "detail", detail), null);
    }

    private static ObjectNode store(Map<String, ObjectNode> into, String key, ObjectNode body, int version) {
        ObjectNode stored = body.deepCopy();
        stored.put("id", key).put("version", version);
        into.put(key, stored);
        return stored;
    }

    private static String etag(JsonNode resource) {
        return "\"" + resource.path("version").asInt() + "\"";
    }

    private void seedOrganisations() {
        Map<String, String> trusts = Map.of("RGD", "QWO", "RXG", "QWO", "RXV", "QOP", "RT2", "QOP", "RW4", "QYG",
                "RXA", "QYG");
        for (String icb : List.of("QWO", "QOP", "QYG")) {
            ObjectNode o = json.createObjectNode().put("odsCode", icb).put("name", "NHS " + icb + " INTEGRATED CARE BOARD")
                    .put("type", "INTEGRATED_CARE_BOARD").put("gssCode", "E54000000").put("validFrom", "2022-07-01")
                    .put("validTo", "2026-03-31").putNull("successorOdsCode");
            o.putArray("icbMemberships");
            store(organisations, icb, o, 0);
        }
        trusts.forEach((trust, icb) -> {
            ObjectNode o = json.createObjectNode().put("odsCode", trust).put("name", trust + " NHS Foundation Trust")
                    .put("type", "NHS_TRUST").putNull("gssCode").putNull("validFrom").putNull("validTo")
                    .putNull("successorOdsCode");
            o.putArray("icbMemberships").addObject().put("icbOdsCode", icb).put("validFrom", "2022-07-01")
                    .put("validTo", "2026-03-31");
            store(organisations, trust, o, 0);
        });
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
