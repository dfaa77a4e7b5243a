package uk.org.lxp.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.org.lxp.testing.OpenApiResponseValidator;

/**
 * The one command, as a person evaluating the suite runs it: {@code ./lxp up} on fresh ports and a fresh data folder,
 * real Keycloak tokens, a post created through the gateway reaching pay-equity-service, the demo data's parity
 * findings, {@code ./lxp down}, a second start that keeps the data, and no process left behind.
 */
class LocalStackIT {

    private static final Duration FIRST_START = Duration.ofMinutes(12);
    private static final Duration LATER_START = Duration.ofMinutes(6);

    @TempDir
    Path home;

    private RunningStack stack;

    @AfterEach
    void stopWhateverIsLeft() throws Exception {
        RestAssured.reset();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneCommandRunsTheSuiteWithDemoDataAndStopsCleanly() throws Exception {
        stack = RunningStack.onFreePorts(home);
        String gateway = stack.gateway();

        stack.start(FIRST_START);
        assertThat(stack.output()).anyMatch(line -> line.contains("demo data") && line.contains("ready in"));
        assertThat(stack.output()).anyMatch(line -> line.contains("Swagger UI") && line.contains(gateway + "/q/swagger-ui"));
        System.out.println(String.join("\n", stack.run("status")));
        // The broker would create a topic on first use with one partition and the delete policy; these are as declared.
        assertThat(topicsOnTheBroker()).containsAll(DeclaredTopics.read(RunningStack.ROOT).stream()
                .map(topic -> topic.name() + " " + topic.partitions() + " " + topic.configs().get("cleanup.policy")).toList());
        keepTheSuitesDocument(gateway);
        // From here every answer through the gateway is checked against the document integrators generate clients from.
        RestAssured.filters(new OpenApiResponseValidator(OpenApiResponseValidator.GATEWAY_DOCUMENT));
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();

        String hrToken = stack.token("hr-rgd");
        UUID profile = UUID.fromString(api(gateway, hrToken)
                .queryParam("owner", "RGD").queryParam("status", "PUBLISHED")
                .get("/api/v1/role-profiles")
                .then().statusCode(200).body("items", not(empty()))
                .extract().path("items[0].id"));
        String postReference = "RGD-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String postId = api(gateway, hrToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RGD", "posts", List.of(Map.of(
                        "postReference", postReference, "roleProfileId", profile, "fte", 0.8,
                        "team", "Crisis Resolution and Home Treatment", "status", "FILLED",
                        "funding", Map.of("kind", "RECURRENT"), "holderStaffReference", "E-E2E-0001"))))
                .post("/api/v1/posts/bulk")
                .then().statusCode(200)
                .extract().path("posts[0].id");

        // pay-equity-service accepts pay for a post only once its own copy of the post has arrived by event.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api(gateway, stack.token("hr-rgd"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RGD", "records", List.of(Map.of(
                        "postReference", postReference, "effectiveFrom", "2026-04-01", "basis", "SALARIED",
                        "band", "BAND_4", "point", 1, "fte", 0.8))))
                .post("/api/v1/pay-records/bulk")
                .then().statusCode(200));
        api(gateway, hrToken).queryParam("organisation", "RGD").queryParam("post", postId)
                .get("/api/v1/pay-records")
                .then().statusCode(200).body("items.postId", hasItem(postId));

        String icsToken = stack.token("ics-dashboard-qwo");
        String finding = api(gateway, icsToken).queryParam("icb", "QWO").queryParam("rule", "BAND_VARIANCE")
                .get("/api/v1/parity-findings")
                .then().statusCode(200).body("items", not(empty())).extract().path("items[0].id");
        // The same finding on its topic, as an ICS dashboard reads it: keyed by its id, and naming no one.
        JsonNode published = latestOnTopic(stack.kafkaBootstrap(), "lxp.pay-equity.parity-finding.v1", finding);
        assertThat(published.toString()).contains("BAND_VARIANCE")
                .doesNotContain("StaffReference").doesNotContain("E-RGD-");

        // The demo trusts' supervision history, and a practitioner's calendar feed, which calendar clients read without
        // a token: its address is made from the gateway's public URL.
        api(gateway, hrToken).queryParam("organisation", "RGD").queryParam("status", "HELD")
                .get("/api/v1/sessions")
                .then().statusCode(200).body("items", not(empty()));
        String feed = api(gateway, stack.token("hr-rgd"))
                .body(Map.of("owner", "SUPERVISEE", "organisationCode", "RGD", "staffReference", "E-RGD-31524"))
                .post("/api/v1/calendar-feeds")
                .then().statusCode(201).extract().path("url");
        assertThat(feed).startsWith(gateway + "/api/v1/calendars/feed.ics?token=");
        assertThat(given().get(feed).then().statusCode(200).extract().asString())
                .startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");

        signInToSwaggerUiAsTwoPeopleInTurn(gateway);
        superviseComplianceEndToEnd(gateway);
        coProduceARoleEndToEnd(gateway);
        agreeASystemPayStandardEndToEnd(gateway);
        answerAFundingProgrammeEndToEnd(gateway);
        personLevelDataStaysWithItsOrganisationEndToEnd(gateway);
        aPersonCannotMoveThemselvesToAnotherOrganisation(gateway);

        // The operator's view of every service's consumers: nothing parked after the demo data and this test.
        assertThat(stack.run("dead-letters")).contains("roles-service: 0 dead letter(s)", "pay-equity-service: 0 dead letter(s)",
                "supervision-service: 0 dead letter(s)");

        stack.stop();

        stack.start(LATER_START);
        assertThat(stack.output()).anyMatch(line -> line.contains("demo data") && line.contains("loaded on the first run"));
        api(gateway, stack.token("hr-rgd")).queryParam("organisation", "RGD").queryParam("post", postId)
                .get("/api/v1/pay-records")
                .then().statusCode(200).body("items.postId", hasItem(postId));
        stack.stop();
    }

    /**
     * Supervision compliance through the gateway with real tokens: the demo data's figures are all there; a session
     * recorded as missed makes an agreement overdue, and the organisation's figures, and its figures event, follow;
     * an ICS analyst reads its ICB's figures and is refused another ICB's.
     */
    private void superviseComplianceEndToEnd(String gateway) throws Exception {
        String admin = stack.token("lxp-demo-admin");
        api(gateway, admin).get("/api/v1/supervision-figures")
                .then().statusCode(200).body("suppressed", equalTo(false))
                .body("unsupervisedPostHolders", greaterThan(0)).body("overdue", greaterThan(0))
                .body("compliant", greaterThan(0)).body("bySeniorLxp", greaterThan(0))
                .body("sessions.held", greaterThan(0)).body("sessions.missed", greaterThan(0))
                .body("training.suppressed", equalTo(false)).body("training.completed", greaterThan(0))
                .body("training.mentoringDue", greaterThan(0));

        String hr = stack.token("hr-rgd");
        String supervisorId = api(gateway, hr)
                .body(Map.of("organisationCode", "RGD", "staffReference", "E-E2E-0002", "livedExperience", true,
                        "lxpFamily", "PEER_SUPPORT", "lxpLevel", "SENIOR", "maxSupervisees", 3))
                .post("/api/v1/supervisors").then().statusCode(201).extract().path("id");
        LocalDate firstDay = LocalDate.now(ZoneId.of("Europe/London")).minusDays(22);
        Map<String, Object> agreement = Map.of("organisationCode", "RGD", "superviseeStaffReference", "E-E2E-0001",
                "supervisorId", supervisorId, "type", "LINE_MANAGEMENT", "minimumEveryDays", 14,
                "cadence", Map.of("rule", "FREQ=WEEKLY;BYDAY=" + firstDay.getDayOfWeek().name().substring(0, 2),
                        "firstDay", firstDay.toString(), "time", "16:00", "durationMinutes", 30));
        // Its supervisee is the post holder made above, whom supervision-service learns from roles-service's event.
        String agreementId = await().atMost(Duration.ofSeconds(60)).until(() -> api(gateway, hr).body(agreement)
                        .post("/api/v1/supervision-agreements").then().extract(), reply -> reply.statusCode() == 201)
                .path("id");
        // Its past sessions are awaiting their records, so it is not judged yet.
        api(gateway, hr).get("/api/v1/supervision-agreements/" + agreementId)
                .then().statusCode(200).body("standing", equalTo("COMPLIANT"));
        int overdueBefore = api(gateway, admin).queryParam("organisation", "RGD").get("/api/v1/supervision-figures")
                .then().statusCode(200).extract().path("overdueAgreements");

        List<Map<String, Object>> past = api(gateway, hr).queryParam("organisation", "RGD")
                .queryParam("agreement", agreementId).queryParam("status", "SCHEDULED")
                .queryParam("to", LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString())
                .get("/api/v1/sessions").then().statusCode(200).extract().path("items");
        assertThat(past).isNotEmpty();
        api(gateway, hr).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("outcomes", past.stream().map(session -> Map.of("sessionId", session.get("id"),
                        "outcome", Map.of("status", "MISSED"))).toList()))
                .post("/api/v1/sessions/outcomes/bulk").then().statusCode(200);

        api(gateway, hr).get("/api/v1/supervision-agreements/" + agreementId)
                .then().statusCode(200).body("standing", equalTo("OVERDUE"));
        api(gateway, admin).queryParam("organisation", "RGD").get("/api/v1/supervision-figures")
                .then().statusCode(200).body("overdueAgreements", equalTo(overdueBefore + 1));
        String bootstrap = stack.kafkaBootstrap();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(latestOnTopic(bootstrap, "lxp.supervision.compliance-figures.v1", "RGD:last-90-days")
                        .path("overdueAgreements").asInt()).isEqualTo(overdueBefore + 1));

        String ics = stack.token("ics-dashboard-qwo");
        api(gateway, ics).queryParam("icb", "QWO").get("/api/v1/supervision-figures")
                .then().statusCode(200).body("scope.code", equalTo("QWO")).body("supervisees", greaterThan(0));
        api(gateway, ics).queryParam("icb", "QYG").get("/api/v1/supervision-figures").then().statusCode(403);
        api(gateway, ics).queryParam("organisation", "RW4").get("/api/v1/supervision-figures").then().statusCode(403);
    }

    /**
     * Co-produced role development through the gateway, as RGD's LXP lead signed in through Keycloak's login form: the
     * demo's steering group has approved one new role and sent another back; the lead takes a third from draft through
     * its readiness questions and the group's decision to publication; RGD's HR system may not record a decision.
     */
    private void coProduceARoleEndToEnd(String gateway) throws Exception {
        String issuer = stack.keycloakIssuer();
        String lead = UserSignIn.accessToken(issuer, gateway, "demo-lead-rgd", "demo-lead-rgd-demo");
        api(gateway, lead).queryParam("owner", "RGD").queryParam("status", "DRAFT").get("/api/v1/role-profiles")
                .then().statusCode(200)
                .body("items.find { it.title == 'Crisis Cafe Peer Support Worker' }.steeringDecisions[0].outcome",
                        equalTo("CHANGES_REQUESTED"));
        int coProducedBefore = api(gateway, lead).queryParam("organisation", "RGD").get("/api/v1/role-development-figures")
                .then().statusCode(200).body("coProduced", greaterThan(0)).extract().path("coProduced");

        String id = api(gateway, lead).body(Map.of("ownerOdsCode", "RGD", "title", "Peer Support Worker (Older Adults) "
                        + UUID.randomUUID().toString().substring(0, 6), "family", "PEER_SUPPORT", "level", "ENTRY",
                "livedExperience", Map.of("essential", true, "focus", "OWN_MENTAL_HEALTH",
                        "wording", "Personal lived experience of mental ill-health in later life"),
                "band", "BAND_4", "contractBasis", "PERMANENT", "staffGroupCode", "07", "patientFacing", true))
                .post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
        String etag = api(gateway, lead).get("/api/v1/role-profiles/" + id).then().statusCode(200).extract().header("ETag");
        api(gateway, lead).header("If-Match", etag).post("/api/v1/role-profiles/" + id + "/publish")
                .then().statusCode(422).body("detail", containsString("readiness"));
        List<String> topics = api(gateway, lead).queryParam("organisation", "RGD").get("/api/v1/readiness-topics")
                .then().statusCode(200).extract().path("code");
        for (String topic : topics) {
            etag = api(gateway, lead).header("If-Match", etag)
                    .body(Map.of("answer", "Settled at the older adults' co-production workshop",
                            "perspectives", List.of("PEOPLE_WHO_USE_SERVICES", "CARERS", "TEAM_MEMBERS")))
                    .put("/api/v1/role-profiles/" + id + "/readiness/" + topic).then().statusCode(200).extract().header("ETag");
        }
        String group = api(gateway, lead).queryParam("owner", "RGD").get("/api/v1/steering-groups")
                .then().statusCode(200).extract().path("items[0].id");
        Map<String, Object> decision = Map.of("steeringGroupId", group, "meetingOn",
                LocalDate.now(ZoneId.of("Europe/London")).toString(), "matter", "PUBLISH", "outcome", "APPROVED",
                "present", List.of("SG-RGD-02", "SG-RGD-04", "SG-RGD-05", "SG-RGD-07"),
                "votes", List.of(Map.of("perspective", "LXP", "inFavour", 1, "against", 0, "abstained", 0),
                        Map.of("perspective", "PERSON_WHO_USES_SERVICES", "inFavour", 1, "against", 0, "abstained", 0),
                        Map.of("perspective", "CARER", "inFavour", 1, "against", 0, "abstained", 0),
                        Map.of("perspective", "CLINICIAN", "inFavour", 0, "against", 0, "abstained", 1)),
                "rationale", "Older adults and carers shaped the role; the team is ready");
        api(gateway, stack.token("hr-rgd")).header("If-Match", etag).body(decision)
                .post("/api/v1/role-profiles/" + id + "/steering-decisions").then().statusCode(403);
        etag = api(gateway, lead).header("If-Match", etag).body(decision)
                .post("/api/v1/role-profiles/" + id + "/steering-decisions").then().statusCode(200).extract().header("ETag");
        api(gateway, lead).header("If-Match", etag).post("/api/v1/role-profiles/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("readiness.complete", equalTo(true));
        api(gateway, lead).queryParam("organisation", "RGD").get("/api/v1/role-development-figures")
                .then().statusCode(200).body("coProduced", equalTo(coProducedBefore + 1));
    }

    /**
     * Equal value through the gateway. West Yorkshire's ICS analyst, signed in through Keycloak's login form, finds RXG
     * paying its Peer Facilitators (of Band 4-5 weight) below its Band 4 comparators and banding them apart from RGD's
     * though both weigh the same; finds the demo's Band 4 standard for entry-level peer support, with each trust's posts
     * against it in the benchmark and RXG's Band 3 role below it; agrees Band 6 for senior co-production roles and finds RY6's Band 5 facilitator below that; and reads
     * what closing the gaps would cost across its trusts, post by post. RXG's HR system reads the same cost with only
     * its own posts and the other trusts as totals; another trust's own figures, and another ICB's standard, are refused.
     */
    private void agreeASystemPayStandardEndToEnd(String gateway) throws Exception {
        String issuer = stack.keycloakIssuer();
        String analyst = UserSignIn.accessToken(issuer, gateway, "demo-analyst-qwo", "demo-analyst-qwo-demo");
        api(gateway, analyst).queryParam("icb", "QWO").queryParam("rule", "BELOW_EVALUATED_BAND")
                .get("/api/v1/parity-findings").then().statusCode(200).body("items.organisationCode", hasItem("RXG"));
        api(gateway, analyst).queryParam("icb", "QWO").queryParam("rule", "EQUAL_VALUE_PAY_GAP")
                .get("/api/v1/parity-findings").then().statusCode(200).body("items.organisationCode", hasItem("RXG"));
        api(gateway, analyst).queryParam("icb", "QWO").queryParam("rule", "BAND_VARIANCE")
                .get("/api/v1/parity-findings").then().statusCode(200)
                .body("items.evidence.equalEvaluatedWeight", hasItem(true));
        api(gateway, analyst).queryParam("icb", "QWO").get("/api/v1/system-pay-standards").then().statusCode(200)
                .body("family", hasItem("PEER_SUPPORT")).body("band", hasItem("BAND_4"));
        api(gateway, analyst).queryParam("icb", "QWO").queryParam("family", "PEER_SUPPORT").queryParam("level", "ENTRY")
                .queryParam("payYear", "2026-27").get("/api/v1/benchmarks").then().statusCode(200)
                .body("systemStandard.band", equalTo("BAND_4"))
                .body("systemStandard.trusts.organisationCode", hasItem("RXG"));

        Map<String, Object> standard = Map.of("icbOdsCode", "QWO", "family", "EXPERT_BY_EXPERIENCE_AND_COPRODUCTION",
                "level", "SENIOR", "band", "BAND_6", "effectiveFrom", "2026-04-01");
        api(gateway, analyst).body(standard).post("/api/v1/system-pay-standards").then().statusCode(201);
        Map<String, Object> elsewhere = new HashMap<>(standard);
        elsewhere.put("icbOdsCode", "QYG");
        api(gateway, analyst).body(elsewhere).post("/api/v1/system-pay-standards").then().statusCode(403);
        String rxg = stack.token("hr-rxg");
        api(gateway, rxg).body(standard).post("/api/v1/system-pay-standards").then().statusCode(403);

        String admin = stack.token("lxp-demo-admin");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            api(gateway, admin).post("/api/v1/parity-findings/evaluations").then().statusCode(200);
            api(gateway, analyst).queryParam("icb", "QWO").queryParam("rule", "DEVIATES_FROM_SYSTEM_STANDARD")
                    .get("/api/v1/parity-findings").then().statusCode(200)
                    .body("items.organisationCode", hasItem("RXG")).body("items.organisationCode", hasItem("RY6"))
                    .body("items.evidence.standardBand", hasItem("BAND_6"));
        });

        JsonNode acrossTheIcb = json(api(gateway, analyst).queryParam("icb", "QWO").queryParam("target", "SYSTEM_STANDARD")
                .get("/api/v1/cost-to-close").then().statusCode(200).extract().asString());
        assertThat(organisationsOf(acrossTheIcb.path("posts"))).contains("RXG", "RY6");
        assertThat(acrossTheIcb.path("total").path("annualCost").decimalValue()).isPositive();

        JsonNode seenByRxg = json(api(gateway, rxg).queryParam("icb", "QWO").queryParam("target", "SYSTEM_STANDARD")
                .get("/api/v1/cost-to-close").then().statusCode(200).extract().asString());
        assertThat(organisationsOf(seenByRxg.path("posts"))).containsOnly("RXG");
        assertThat(organisationsOf(seenByRxg.path("byOrganisation"))).contains("RXG", "RY6");
        api(gateway, rxg).queryParam("organisation", "RY6").queryParam("target", "SYSTEM_STANDARD")
                .get("/api/v1/cost-to-close").then().statusCode(403);
    }

    /**
     * NHS England's 2020 Band 7 offer through the gateway: Alder Hey's HR system, which had recorded no answer, records
     * that the trust did not apply and why, and is refused when it tries to answer for Leeds and York; West Yorkshire's
     * analyst reads its trusts' uptake; the demo's award without a post and its post created below Band 7 are findings.
     */
    private void answerAFundingProgrammeEndToEnd(String gateway) throws Exception {
        String rbs = stack.token("hr-rbs");
        String programme = api(gateway, rbs).get("/api/v1/funding-programmes").then().statusCode(200)
                .body("name", hasItem("NHS England Band 7 lived experience leadership offer (2020)"))
                .extract().path("[0].id");
        Map<String, Object> notApplied = Map.of("state", "NOT_APPLIED", "on", "2021-01-12",
                "reasons", List.of("NO_CAPACITY_TO_RECRUIT"));
        api(gateway, rbs).body(notApplied).put("/api/v1/funding-programmes/" + programme + "/applications/RBS")
                .then().statusCode(200).body("state", equalTo("NOT_APPLIED"));
        api(gateway, rbs).body(notApplied).put("/api/v1/funding-programmes/" + programme + "/applications/RGD")
                .then().statusCode(403);

        String issuer = stack.keycloakIssuer();
        String analyst = UserSignIn.accessToken(issuer, gateway, "demo-analyst-qwo", "demo-analyst-qwo-demo");
        JsonNode uptake = json(api(gateway, analyst).get("/api/v1/funding-programmes/" + programme + "/uptake")
                .then().statusCode(200).extract().asString());
        assertThat(organisationsOf(uptake)).containsExactly("RGD", "RXG", "RY6", "TAD");
        assertThat(uptake.get(0).path("state").asText()).isEqualTo("SUCCESSFUL");
        assertThat(uptake.get(0).path("filled").asInt()).isPositive();
        assertThat(uptake.get(2).path("state").asText()).isEqualTo("NOT_APPLIED");

        String admin = stack.token("lxp-demo-admin");
        api(gateway, admin).queryParam("rule", "FUNDED_POST_NOT_CREATED").get("/api/v1/parity-findings")
                .then().statusCode(200).body("items.organisationCode", hasItem("RT2"));
        api(gateway, admin).queryParam("rule", "FUNDED_POST_DOWNBANDED").get("/api/v1/parity-findings")
                .then().statusCode(200).body("items.organisationCode", hasItem("RXA"));
    }

    /**
     * Object-level scope through the gateway with real tokens, on the demo trusts' data: another trust's HR system is
     * refused a trust's person-level lists and each of their records by id, and its writes; an ICS analyst reads the
     * trusts of its ICB and is refused one outside it; a practitioner sees only their own sessions.
     */
    private void personLevelDataStaysWithItsOrganisationEndToEnd(String gateway) throws Exception {
        String rxg = stack.token("hr-rxg");
        String rgd = stack.token("hr-rgd");
        String analyst = UserSignIn.accessToken(stack.keycloakIssuer(), gateway, "demo-analyst-qwo", "demo-analyst-qwo-demo");
        // Each list of people's data, whether it has a record by id, and whether ICS analysts may read it at all.
        record PersonLevel(String path, boolean byId, boolean analystsRead) {
        }
        for (PersonLevel list : List.of(new PersonLevel("/api/v1/posts", true, true),
                new PersonLevel("/api/v1/pay-records", false, true),
                new PersonLevel("/api/v1/supervisors", true, false),
                new PersonLevel("/api/v1/supervisees", true, false),
                new PersonLevel("/api/v1/supervision-agreements", true, false),
                new PersonLevel("/api/v1/sessions", true, false),
                new PersonLevel("/api/v1/reflective-groups", true, false))) {
            String id = api(gateway, rxg).queryParam("organisation", "RXG").get(list.path())
                    .then().statusCode(200).body("items", not(empty())).extract().path("items[0].id");
            api(gateway, rgd).queryParam("organisation", "RXG").get(list.path())
                    .then().statusCode(403).contentType("application/problem+json");
            if (list.byId()) {
                // Refused, whether the answer says so (403) or does not even admit the record exists (404).
                assertThat(api(gateway, rgd).get(list.path() + "/" + id).then().extract().statusCode())
                        .as("%s/{id} of RXG read by RGD", list.path()).isIn(403, 404);
            }
            // West Yorkshire's analyst reads its trusts' posts and pay (RXG is one), not Greater Manchester's (RXV).
            api(gateway, analyst).queryParam("organisation", "RXG").get(list.path())
                    .then().statusCode(list.analystsRead() ? 200 : 403);
            api(gateway, analyst).queryParam("organisation", "RXV").get(list.path()).then().statusCode(403);
        }
        String rxgPost = api(gateway, rxg).queryParam("organisation", "RXG").get("/api/v1/posts")
                .then().extract().path("items[0].postReference");
        api(gateway, rgd).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RXG", "posts", List.of(Map.of("postReference", rxgPost,
                        "roleProfileId", UUID.randomUUID(), "fte", 1.0, "status", "VACANT", "funding", Map.of("kind", "RECURRENT")))))
                .post("/api/v1/posts/bulk").then().statusCode(403);
        api(gateway, rgd).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("organisationCode", "RXG", "records", List.of(Map.of("postReference", rxgPost,
                        "effectiveFrom", "2026-04-01", "basis", "SALARIED", "band", "BAND_9", "point", 1, "fte", 1.0))))
                .post("/api/v1/pay-records/bulk").then().statusCode(403);

        String practitioner = UserSignIn.accessToken(stack.keycloakIssuer(), gateway, "demo-practitioner-rgd",
                "demo-practitioner-rgd-demo");
        List<String> seen = api(gateway, practitioner).queryParam("organisation", "RGD").queryParam("size", 200)
                .get("/api/v1/sessions").then().statusCode(200).extract().path("items.superviseeStaffReference");
        assertThat(seen).isNotEmpty().containsOnly("E-RGD-31524");
        String someoneElses = api(gateway, rgd).queryParam("organisation", "RGD").queryParam("size", 200)
                .get("/api/v1/sessions").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.superviseeStaffReference != 'E-RGD-31524' }.id");
        assertThat(api(gateway, practitioner).get("/api/v1/sessions/" + someoneElses).then().extract().statusCode())
                .as("another person's session read by a practitioner").isIn(403, 404);
    }

    /**
     * The organisation and ICB a person's token carries decide what they may see, so a person must not be able to
     * change them: through Keycloak's account console (its REST API, as the console calls it) a lead tries to move
     * to another trust and ICB; the next token still says RGD and the API still answers as for RGD.
     */
    private void aPersonCannotMoveThemselvesToAnotherOrganisation(String gateway) throws Exception {
        String issuer = stack.keycloakIssuer();
        String console = UserSignIn.accessToken(issuer, "account-console", issuer + "/account/", "demo-lead-rgd",
                "demo-lead-rgd-demo");
        ObjectNode moved = new ObjectMapper().createObjectNode().put("username", "demo-lead-rgd");
        moved.putObject("attributes").putArray("org").add("RXV");
        ((ObjectNode) moved.path("attributes")).putArray("icb").add("QOP");
        // Keycloak's own API, not the suite's: no OpenAPI document to check its answers against. The realm gives
        // people no account roles, so the console turns them away (401); were it to let them in, org and icb are
        // attributes only an administrator may edit (400).
        int answer = given().noFilters().auth().oauth2(console).contentType(ContentType.JSON).body(moved.toString())
                .post(issuer + "/account").then().extract().statusCode();
        assertThat(answer).as("Keycloak's answer to a lead moving themselves to another trust").isBetween(400, 499);

        String lead = UserSignIn.accessToken(issuer, gateway, "demo-lead-rgd", "demo-lead-rgd-demo");
        JsonNode claims = json(new String(Base64.getUrlDecoder().decode(lead.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.path("org").toString()).contains("RGD").doesNotContain("RXV");
        assertThat(claims.path("icb").isMissingNode() || !claims.path("icb").toString().contains("QOP")).isTrue();
        api(gateway, lead).queryParam("organisation", "RXV").get("/api/v1/posts").then().statusCode(403);
    }

    private static JsonNode json(String body) throws IOException {
        return new ObjectMapper().readTree(body);
    }

    private static List<String> organisationsOf(JsonNode rows) {
        List<String> organisations = new ArrayList<>();
        rows.forEach(row -> organisations.add(row.path("organisationCode").asText()));
        return organisations;
    }

    /** The last value on a topic for a key, read from the start as an ICS dashboard would (empty if none). */
    private static JsonNode latestOnTopic(String bootstrap, String topic, String key) throws IOException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-dashboard-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        byte[] latest = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            for (int poll = 0; poll < 5; poll++) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
                    if (key.equals(record.key())) {
                        latest = record.value();
                    }
                }
            }
        }
        return latest == null ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(latest);
    }

    /** Each topic on the broker as "name partitions cleanup-policy". */
    private List<String> topicsOnTheBroker() throws Exception {
        String bootstrap = stack.kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get(30, TimeUnit.SECONDS);
            return names.stream().map(name -> name + " " + descriptions.get(name).partitions().size() + " "
                    + configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get("cleanup.policy").value()).toList();
        }
    }

    /**
     * Swagger UI in a real browser, as a person uses it: sign in through Keycloak as RGD's LXP lead, run a call with Try
     * it out, sign out and in again in the same dialog as West Yorkshire's analyst (which Swagger UI alone fails with
     * invalid_grant), run another; the page says who is signed in each time. Screenshots are kept in target/screenshots.
     */
    private static void signInToSwaggerUiAsTwoPeopleInTurn(String gateway) throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        try (Browser browser = Browser.open(Path.of("target", "screenshots"))) {
            browser.go(gateway + "/q/swagger-ui/");
            browser.findWithText("#lxp-signed-in", "Not signed in");
            browser.screenshot("1-swagger-ui");

            signIn(browser, "demo-lead-rgd", "demo-lead-rgd-demo");
            browser.findWithText("#lxp-signed-in", "Signed in as demo-lead-rgd (lxp-lead; organisation RGD)");
            tryItOut(browser, "RoleProfileResource_list");
            browser.screenshot("2-lead-listed-role-profiles");

            browser.click(browser.find("button.btn.authorize:not(.modal-btn)"));
            browser.click(browser.findWithText(".auth-btn-wrapper button", "Logout"));
            signInInOpenDialog(browser, "demo-analyst-qwo", "demo-analyst-qwo-demo");
            browser.findWithText("#lxp-signed-in", "Signed in as demo-analyst-qwo (ics-analyst; ICB QWO)");
            tryItOut(browser, "OrganisationResource_list");
            browser.screenshot("3-analyst-listed-organisations");

            browser.go(gateway + "/asyncapi.html");
            browser.findWithText("body", "lxp.supervision.supervisor.v1");
            browser.screenshot("4-event-catalogue");
        }
    }

    private static void signIn(Browser browser, String username, String password) throws Exception {
        browser.click(browser.find("button.btn.authorize:not(.modal-btn)"));
        signInInOpenDialog(browser, username, password);
    }

    /** Authorize in the open dialog, Keycloak's login form in the pop-up, then the dialog closed. */
    private static void signInInOpenDialog(Browser browser, String username, String password) throws Exception {
        browser.click(browser.find(".auth-btn-wrapper button.modal-btn.authorize"));
        String swaggerUi = browser.switchToNewWindow();
        browser.find("#password");
        if (browser.has("#reset-login")) {
            // Keycloak still knows whoever signed in last, and asks for their password again; "Restart login" lets
            // another person sign in, as one would at a shared desk.
            browser.click(browser.find("#reset-login"));
        }
        browser.type(browser.find("#username"), username);
        browser.type(browser.find("#password"), password);
        browser.click(browser.find("#kc-login"));
        browser.backTo(swaggerUi);
        browser.findWithText(".auth-btn-wrapper button", "Logout");
        browser.click(browser.find("button.btn-done"));
    }

    /** Opens the operation, presses Try it out and Execute, and waits for a 200 in its live response. */
    private static void tryItOut(Browser browser, String operationId) throws Exception {
        String operation = "//div[contains(@class,'opblock') and contains(@id,'-" + operationId + "')]";
        browser.click(browser.findByXpath(operation + "//*[contains(@class,'opblock-summary-control')]"));
        browser.click(browser.findByXpath(operation + "//button[contains(@class,'try-out__btn')]"));
        browser.click(browser.findByXpath(operation + "//button[contains(@class,'execute')]"));
        browser.findByXpath(operation + "//table[contains(@class,'live-responses-table')]"
                + "//td[contains(@class,'response-col_status') and normalize-space(text())='200']");
    }

    /** The merged document of every service, as the gateway serves it, kept for CI's linters (see .ci/run). */
    private static void keepTheSuitesDocument(String gateway) throws IOException {
        String document = given().get(gateway + "/openapi").then().statusCode(200)
                .body("'x-lxp-unavailable-services'", nullValue())
                .extract().asString();
        // Services that document a value set of their own the same way (pay-equity's copy of the role families, say)
        // share one schema; if the copies drifted apart, the gateway would rename one after its service, and a client
        // generated from the document would get a class name it never had.
        List<String> renamed = new ArrayList<>();
        json(document).path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches("(RolesService|PayEquityService|SupervisionService).+")) {
                renamed.add(name);
            }
        });
        assertThat(renamed).as("schemas the gateway renamed because two services' versions differ").isEmpty();
        Path target = Path.of("target", "openapi");
        Files.createDirectories(target);
        Files.writeString(target.resolve("suite.json"), document);
    }

    private static RequestSpecification api(String gateway, String token) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
