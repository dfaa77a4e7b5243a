package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import uk.org.lxp.payequity.events.CostToCloseFiguresEvents;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.payequity.repository.RoleProfileRepository;
import uk.org.lxp.testing.KafkaTestBroker;
import uk.org.lxp.testing.KafkaTopics;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * Cost to close over the API, recomputed in the test from the pay records and the pay scale the API serves, with the
 * 2026/27 HCAS zones of the reference data and the configured 25% on-costs.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class CostToCloseResourceTest {

    private static final JsonPathConfig EXACT = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    /** 2026/27 from hcas-england.csv: percent of basic, minimum, maximum. */
    private static final Map<String, List<BigDecimal>> HCAS_2026 = Map.of(
            "INNER_LONDON", List.of(new BigDecimal("20"), new BigDecimal("5794"), new BigDecimal("8746")),
            "OUTER_LONDON", List.of(new BigDecimal("15"), new BigDecimal("4870"), new BigDecimal("6137")));

    @Inject
    PostRepository posts;

    @Inject
    RoleProfileRepository profiles;

    private final KafkaTopics topics = new KafkaTopics(KafkaTestBroker.shared().bootstrapServers());
    private String trust;
    private String neighbour;
    private String icb;
    private final Map<String, UUID> postIds = new HashMap<>();

    private String hrOf(String organisation) {
        return OidcTestServer.shared().token().clientId("hr-" + organisation).roles("hr-integration")
                .organisations(organisation).signed();
    }

    private void organisation(String code, String type, String memberOf) {
        String memberships = memberOf == null ? "[]"
                : "[{\"icbOdsCode\":\"%s\",\"validFrom\":\"2022-07-01\",\"validTo\":null}]".formatted(memberOf);
        topics.publishCloudEvent("lxp.roles.organisation.v1", code, "lxp.roles.OrganisationRegistered", "/lxp/roles-service",
                """
                {"odsCode":"%s","name":"Cost %s","type":"%s","icbMemberships":%s,"version":0,
                 "updatedAt":"2026-01-01T00:00:00Z"}""".formatted(code, code, type, memberships));
    }

    private UUID profile(String owner, String band, String evaluatedBands) {
        UUID id = UUID.randomUUID();
        String evaluation = evaluatedBands == null ? "null" : """
                {"id":"%s","evaluatedOn":"2026-11-12","factors":[],"panel":{"management":2,"staffSide":2,"withLivedExperience":1},
                 "weight":{"minimum":287,"maximum":343,"bands":[%s]},"recordedAt":"2026-11-12T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), evaluatedBands);
        topics.publishCloudEvent("lxp.roles.role-profile.v1", id.toString(), "lxp.roles.RoleProfilePublished",
                "/lxp/roles-service", """
                        {"id":"%s","ownerOdsCode":"%s","title":"Peer Support Worker %s","family":"PEER_SUPPORT",
                         "level":"ENTRY","band":"%s","contractBasis":"PERMANENT","staffGroupCode":"07",
                         "patientFacing":true,"status":"PUBLISHED","revision":1,"jobEvaluation":%s}"""
                        .formatted(id, owner, band, band, evaluation));
        return id;
    }

    private void post(String organisation, String reference, UUID profile) {
        UUID id = UUID.randomUUID();
        postIds.put(reference, id);
        topics.publishCloudEvent("lxp.roles.post.v1", id.toString(), "lxp.roles.PostCreated", "/lxp/roles-service", """
                {"id":"%s","organisationCode":"%s","postReference":"%s","roleProfileId":"%s","fte":1.00,
                 "team":"North","status":"FILLED","funding":{"kind":"RECURRENT","endDate":null},
                 "holderStaffReference":"E-%s","version":0}""".formatted(id, organisation, reference, profile, reference));
    }

    private void payRecords(String organisation, String... records) {
        String body = "{\"organisationCode\":\"%s\",\"records\":[%s]}".formatted(organisation, String.join(",", records));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(hrOf(organisation))
                .contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .when().post("/api/v1/pay-records/bulk").statusCode() == 200);
    }

    private static String record(String reference, String terms) {
        return "{\"postReference\":\"%s\",\"effectiveFrom\":\"2026-04-01\",%s}".formatted(reference, terms);
    }

    @BeforeEach
    void aTrustWithEvaluatedRolesAndPaidPosts() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        trust = "C" + suffix;
        neighbour = "N" + suffix;
        icb = "Q" + suffix;
        organisation(icb, "INTEGRATED_CARE_BOARD", null);
        organisation(trust, "NHS_TRUST", icb);
        organisation(neighbour, "NHS_TRUST", icb);
        UUID bandedBelow = profile(trust, "BAND_3", "\"BAND_4\",\"BAND_5\"");
        UUID bandedRight = profile(trust, "BAND_5", "\"BAND_5\"");
        UUID notEvaluated = profile(trust, "BAND_3", null);
        for (String reference : List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7")) {
            post(trust, reference, bandedBelow);
        }
        post(trust, "B1", bandedRight);
        post(trust, "C1", notEvaluated);
        UUID neighbours = profile(neighbour, "BAND_3", "\"BAND_4\"");
        post(neighbour, "N1", neighbours);
        payRecords(trust,
                record("A1", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"fte\":1.00"),
                record("A2", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":2,\"fte\":0.60,\"hcasZone\":\"INNER_LONDON\""),
                record("A3", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":2,\"fte\":0.80,\"hcasZone\":\"OUTER_LONDON\""),
                record("A4", "\"basis\":\"SESSIONAL\",\"dayRate\":95.00,\"fte\":0.40"),
                record("A5", "\"basis\":\"HOURLY\",\"hourlyRate\":13.50,\"fte\":0.50"),
                record("A6", "\"basis\":\"UNPAID\",\"fte\":0.20"),
                record("B1", "\"basis\":\"SALARIED\",\"band\":\"BAND_5\",\"point\":1,\"fte\":1.00"),
                record("C1", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"fte\":1.00"));
        payRecords(neighbour, record("N1", "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1,\"fte\":1.00"));
        // Every event has arrived, so that none lands in another test's evaluation.
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", trust) == 9 && posts.count("organisationOdsCode", neighbour) == 1
                        && profiles.count("ownerOdsCode in ?1", List.of(trust, neighbour)) == 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var answer = given().auth().oauth2(hrOf(neighbour))
                    .when().get("/api/v1/cost-to-close?payYear=2026-27&target=EVALUATED_BAND&icb=" + icb);
            return answer.statusCode() == 200 && answer.jsonPath().getInt("total.posts") == 7;
        });
    }

    private JsonPath costToClose(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/cost-to-close?payYear=2026-27&" + query)
                .then().statusCode(200).extract().jsonPath(EXACT);
    }

    private static BigDecimal amount(JsonPath report, String path) {
        return new BigDecimal(report.getString(path));
    }

    @Test
    void anOrganisationsCostToItsEvaluatedBandsAgreesToThePennyWithARecomputation() {
        JsonPath report = costToClose(hrOf(trust), "organisation=" + trust + "&target=EVALUATED_BAND");

        BigDecimal expected = recomputedCostToBand4();
        assertThat(report.getInt("total.posts")).isEqualTo(6);
        assertThat(report.getInt("postsWithoutTarget")).as("C1's role is not evaluated").isEqualTo(1);
        assertThat(report.getInt("postsWithoutPayRecord")).as("A7 has no pay record").isEqualTo(1);
        assertThat(amount(report, "total.annualCost")).isEqualByComparingTo(expected);
        assertThat(report.getList("posts.postReference")).containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "A6");
        assertThat(report.getList("posts.targetBand")).containsOnly("BAND_4");
        assertThat(report.getList("byOrganisation.organisationCode")).containsExactly(trust);
        assertThat(amount(report, "byFamilyAndLevel[0].totals.annualCost")).isEqualByComparingTo(expected);
    }

    /** Band 4's entry point less each post's pay now, HCAS moving with basic pay, at its FTE, plus 25%. */
    private BigDecimal recomputedCostToBand4() {
        JsonPath scale = given().auth().oauth2(hrOf(trust)).when().get("/api/v1/pay-scales/2026-27")
                .then().statusCode(200).extract().jsonPath(EXACT);
        Map<String, BigDecimal> points = new HashMap<>();
        List<Map<String, Object>> bands = scale.getList("bands");
        for (Map<String, Object> band : bands) {
            for (Object point : (List<?>) band.get("points")) {
                Map<?, ?> p = (Map<?, ?>) point;
                points.put(band.get("band") + "/" + p.get("point"), new BigDecimal(p.get("annualGbp").toString()));
            }
        }
        BigDecimal target = points.get("BAND_4/1");
        JsonPath records = given().auth().oauth2(hrOf(trust)).when().get("/api/v1/pay-records?organisation=" + trust + "&size=50")
                .then().statusCode(200).extract().jsonPath(EXACT);
        List<Map<String, Object>> items = records.getList("items");
        List<BigDecimal> costs = new ArrayList<>();
        for (Map<String, Object> item : items) {
            BigDecimal fte = new BigDecimal(item.get("fte").toString());
            BigDecimal now = switch ((String) item.get("basis")) {
                case "SALARIED" -> points.get(item.get("band") + "/" + item.get("point"));
                case "SESSIONAL" -> new BigDecimal(item.get("dayRate").toString()).multiply(new BigDecimal("260.715"));
                case "HOURLY" -> new BigDecimal(item.get("hourlyRate").toString()).multiply(new BigDecimal("1955.3625"));
                default -> BigDecimal.ZERO;
            };
            now = now.setScale(2, RoundingMode.HALF_UP);
            if (now.compareTo(target) >= 0 || postIds.get("C1").toString().equals(item.get("postId"))) {
                continue;
            }
            BigDecimal rise = target.subtract(now);
            Object zone = item.get("hcasZone");
            if (zone != null) {
                rise = rise.add(hcas(target, zone.toString())).subtract(hcas(now, zone.toString()));
            }
            BigDecimal payRise = rise.multiply(fte).setScale(2, RoundingMode.HALF_UP);
            costs.add(payRise.add(payRise.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP)));
        }
        return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal hcas(BigDecimal basic, String zone) {
        List<BigDecimal> terms = HCAS_2026.get(zone);
        BigDecimal share = basic.multiply(terms.get(0)).divide(new BigDecimal("100"));
        return share.max(terms.get(1)).min(terms.get(2)).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void aBudgetTooSmallForAnyPostLiftsNoneAndAFairOneGoesDeepestFirst() {
        JsonPath tooSmall = costToClose(hrOf(trust), "organisation=" + trust + "&target=EVALUATED_BAND&budget=100");
        assertThat(tooSmall.getLong("budget.postsLifted")).isZero();
        assertThat(amount(tooSmall, "budget.left")).isEqualByComparingTo("100");
        assertThat(amount(tooSmall, "budget.residualGap")).isEqualByComparingTo(amount(tooSmall, "total.annualCost"));

        JsonPath capped = costToClose(hrOf(trust), "organisation=" + trust
                + "&target=EVALUATED_BAND&budget=50000&capPerPost=2000&employerOnCostsPercent=0");
        assertThat(amount(capped, "employerOnCostsPercent")).isEqualByComparingTo("0");
        assertThat(amount(capped, "total.onCosts")).isEqualByComparingTo("0");
        assertThat(capped.getList("posts.gapPercent", BigDecimal.class)).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(capped.getList("posts.funded", BigDecimal.class)).allSatisfy(funded ->
                assertThat(funded).isLessThanOrEqualTo(new BigDecimal("2000")));
        assertThat(capped.getString("posts[0].postReference")).as("the unpaid post's gap is the deepest").isEqualTo("A6");
    }

    @Test
    void aNeighbourReadsTheIcbOnlyAsTotalsWithSmallOnesSuppressed() {
        given().auth().oauth2(hrOf(neighbour)).when()
                .get("/api/v1/cost-to-close?payYear=2026-27&target=EVALUATED_BAND&organisation=" + trust)
                .then().statusCode(403).contentType("application/problem+json");

        JsonPath icbWide = costToClose(hrOf(neighbour), "icb=" + icb + "&target=EVALUATED_BAND");
        assertThat(icbWide.getList("posts.organisationCode")).containsOnly(neighbour);
        assertThat(icbWide.getBoolean("byOrganisation.find { it.organisationCode == '%s' }.totals.suppressed"
                .formatted(trust))).isFalse();
        assertThat(icbWide.getBoolean("byOrganisation.find { it.organisationCode == '%s' }.totals.suppressed"
                .formatted(neighbour))).isFalse();
        assertThat(icbWide.getInt("total.posts")).isEqualTo(7);

        JsonPath lead = costToClose(hrOf(trust), "icb=" + icb + "&target=EVALUATED_BAND");
        assertThat(lead.getBoolean("byOrganisation.find { it.organisationCode == '%s' }.totals.suppressed"
                .formatted(neighbour))).as("one post of another trust").isTrue();
        assertThat(lead.getBoolean("total.suppressed")).as("the total less the trust's own would show it").isTrue();
    }

    @Test
    void badRequestsNameTheirParameter() {
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust + "&target=NOT_A_TARGET")
                .then().statusCode(400).body("violations[0].field", equalTo("target"));
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust)
                .then().statusCode(400).body("violations[0].field", equalTo("target"));
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust
                + "&target=EVALUATED_BAND&capPerPost=100").then().statusCode(400).body("violations[0].field", equalTo("capPerPost"));
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust
                + "&target=SESSIONAL_DAY_RATE_FLOOR&move=NEXT_POINT_ABOVE_CURRENT").then().statusCode(400)
                .body("violations[0].field", equalTo("move"));
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust
                + "&target=EVALUATED_BAND&budget=-5").then().statusCode(400).body("violations[0].field", equalTo("budget"));
        given().auth().oauth2(hrOf(trust)).when().get("/api/v1/cost-to-close?organisation=" + trust
                + "&target=EVALUATED_BAND&payYear=2031-32").then().statusCode(422).body("violations[0].field", equalTo("payYear"));
        given().when().get("/api/v1/cost-to-close?organisation=" + trust + "&target=EVALUATED_BAND").then().statusCode(401);
    }

    @Test
    void aSystemStandardTargetComesFromTheRolesFamilyAndLevelOrElseItsEvaluatedBand() {
        String admin = OidcTestServer.shared().token().roles("lxp-admin").signed();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","evaluatedBand":"BAND_4","band":"BAND_4","effectiveFrom":"2026-04-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(201);
        JsonPath byWeight = costToClose(hrOf(trust), "organisation=" + trust + "&target=SYSTEM_STANDARD");
        assertThat(byWeight.getInt("total.posts")).isEqualTo(6);
        assertThat(byWeight.getInt("postsWithoutTarget")).as("C1 is not evaluated, B1 is evaluated at Band 5").isEqualTo(2);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","family":"PEER_SUPPORT","level":"ENTRY","band":"BAND_5","effectiveFrom":"2026-04-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(201);
        JsonPath byRole = costToClose(hrOf(trust), "organisation=" + trust + "&target=SYSTEM_STANDARD");
        assertThat(byRole.getList("posts.postReference")).containsExactlyInAnyOrder("A1", "A2", "A3", "A4", "A5", "A6", "C1");
        assertThat(byRole.getList("posts.targetBand")).containsOnly("BAND_5");
        assertThat(byRole.getInt("postsWithoutTarget")).isZero();
    }

    @Test
    void theSessionalFloorRaisesOnlySessionalDayRates() {
        JsonPath floor = costToClose(hrOf(trust), "organisation=" + trust + "&target=SESSIONAL_DAY_RATE_FLOOR");
        assertThat(floor.getList("posts.postReference")).containsExactly("A4");
        // Band 3 entry 25,760 / 260.715 = 98.81 a day; (98.81 - 95.00) x 260.715 x 0.40, plus 25%.
        assertThat(amount(floor, "posts[0].targetDayRate")).isEqualByComparingTo("98.81");
        assertThat(amount(floor, "posts[0].annualCost")).isEqualByComparingTo("496.66");
    }

    @Test
    void dashboardsGetEachOrganisationsTotalsOnACompactedTopicWithoutAPostOrAPerson() {
        String key = trust + ":" + PayYear.containing(LocalDate.now(ZoneId.of("Europe/London")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> published = topics.readAll(CostToCloseFiguresEvents.TOPIC).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(published).isNotEmpty();
            String data = new String(published.get(published.size() - 1).value(), StandardCharsets.UTF_8);
            JsonPath figures = JsonPath.from(data);
            assertThat(figures.getString("organisationCode")).isEqualTo(trust);
            assertThat(figures.getList("targets.target")).containsExactly("EVALUATED_BAND", "SYSTEM_STANDARD",
                    "COMPARATOR_MEDIAN_BAND", "SESSIONAL_DAY_RATE_FLOOR");
            assertThat(figures.getInt("targets.find { it.target == 'EVALUATED_BAND' }.total.posts")).isEqualTo(6);
            assertThat(figures.getBoolean("targets.find { it.target == 'SESSIONAL_DAY_RATE_FLOOR' }.total.suppressed"))
                    .as("one sessional post").isTrue();
            assertThat(data).doesNotContain("E-A1").doesNotContain("\"A1\"").doesNotContain("postId");
        });
    }
}
