package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.directory.Organisations;
import uk.org.lxp.payequity.repository.PostRepository;
import uk.org.lxp.payequity.repository.RoleProfileRepository;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * Six peer posts in one trust of a test ICB: four salaried at Band 3 point 1, one sessional at 300 a day, one unpaid
 * (one fixed-term), against eight comparators in staff group 07 at Band 4 point 1, for pay year 2025/26.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class BenchmarkResourceTest {

    @Inject
    PostRepository posts;

    @Inject
    RoleProfileRepository roleProfiles;

    @Inject
    Organisations organisations;

    private final RolesServiceEvents events = new RolesServiceEvents();
    private String organisation;
    private String icb;

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    @BeforeEach
    void aTrustWithPeerPostsPayAndComparators() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
        organisation = "T" + suffix;
        icb = "Q" + suffix;
        events.trustOf(icb, organisation, "Bench Trust");
        UUID profile = events.peerSupportWorkerProfile(organisation);
        for (int i = 0; i < 6; i++) {
            events.filledPost(organisation, "B-" + i, profile, i == 0);
        }
        // Posts, the profile and the organisation arrive on three topics, applied by three consumers.
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                posts.count("organisationOdsCode", organisation) == 6
                        && roleProfiles.findByIdOptional(profile).isPresent()
                        && organisations.find(organisation).isPresent()));

        List<String> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(record(i, "\"basis\":\"SALARIED\",\"band\":\"BAND_3\",\"point\":1"));
        }
        records.add(record(4, "\"basis\":\"SESSIONAL\",\"dayRate\":300"));
        records.add(record(5, "\"basis\":\"UNPAID\",\"expensesPerDay\":20"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Idempotency-Key", "bench-" + suffix)
                .body("{\"organisationCode\":\"%s\",\"records\":[%s]}".formatted(organisation, String.join(",", records)))
                .when().post("/api/v1/pay-records/bulk").then().statusCode(200);

        List<String> comparators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            comparators.add("{\"staffGroupCode\":\"07\",\"band\":\"BAND_4\",\"point\":1,\"fte\":1.0,\"fixedTerm\":false}");
        }
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"asOf\":\"2025-10-01\",\"records\":[%s]}".formatted(String.join(",", comparators)))
                .when().put("/api/v1/comparators/" + organisation).then().statusCode(200)
                .body("records", equalTo(8)).body("byStaffGroup.'07'", equalTo(8));
    }

    /** An ICB this test's trust does not belong to, made known by a trust of its own. */
    private String otherIcbWithAMember() {
        String other = "X" + icb.substring(1);
        String member = "U" + organisation.substring(1);
        events.trustOf(other, member, "Elsewhere Trust");
        await().atMost(Duration.ofSeconds(30)).until(() -> organisations.isKnown(other));
        return other;
    }

    private static String record(int post, String terms) {
        return "{\"postReference\":\"B-%d\",\"effectiveFrom\":\"2025-04-01\",\"fte\":1.0,%s}".formatted(post, terms);
    }

    @Test
    void anIcbBenchmarkShowsDistributionSharesAndTheGapToComparators() {
        given().auth().oauth2(OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed())
                .when().get("/api/v1/benchmarks?icb=" + icb + "&family=PEER_SUPPORT&payYear=2025-26")
                .then().statusCode(200)
                .body("suppressed", equalTo(false))
                .body("asOf", equalTo("2026-03-31"))
                .body("headcount", equalTo(6))
                .body("fte", equalTo(6.0f))
                .body("bandDistribution.BAND_3", equalTo(6))
                .body("fteAnnualisedPay.count", equalTo(6))
                .body("fteAnnualisedPay.min", equalTo(0.0f))
                .body("fteAnnualisedPay.median", equalTo(24937.0f))
                .body("fteAnnualisedPay.max", equalTo(78214.5f))
                .body("shares.fixedTerm", equalTo(16.7f))
                .body("shares.sessional", equalTo(16.7f))
                .body("shares.unpaid", equalTo(16.7f))
                .body("shares.band7OrAbove", equalTo(0.0f))
                .body("comparator.headcount", equalTo(8))
                .body("comparator.medianHourly", equalTo(14.06f))
                .body("comparator.lxpMedianHourly", equalTo(12.75f))
                .body("comparator.medianGapPercent", equalTo(9.3f))
                .body("comparator.meanGapPercent", equalTo(-29.5f))
                .body("comparator.quartiles.lxpPercent", contains(100.0f, 0.0f, 0.0f, 33.3f));
    }

    @Test
    void aBenchmarkOfOneFamilyAndLevelShowsEachTrustAgainstItsIcbsStandard() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("""
                {"icbOdsCode":"%s","family":"PEER_SUPPORT","level":"ENTRY","band":"BAND_4","effectiveFrom":"2025-04-01"}
                """.formatted(icb)).when().post("/api/v1/system-pay-standards").then().statusCode(201);
        String analyst = OidcTestServer.shared().token().roles("ics-analyst").icb(icb).signed();

        given().auth().oauth2(analyst)
                .when().get("/api/v1/benchmarks?icb=" + icb + "&family=PEER_SUPPORT&level=ENTRY&payYear=2025-26")
                .then().statusCode(200)
                .body("systemStandard.icbCode", equalTo(icb)).body("systemStandard.band", equalTo("BAND_4"))
                .body("systemStandard.effectiveFrom", equalTo("2025-04-01"))
                .body("systemStandard.trusts.organisationCode", contains(organisation))
                .body("systemStandard.trusts[0].posts", equalTo(6))
                .body("systemStandard.trusts[0].postsBelowStandard", equalTo(6))
                .body("systemStandard.trusts[0].lowestBand", equalTo("BAND_3"));
        String lead = OidcTestServer.shared().token().roles("lxp-lead").organisations(organisation).signed();
        given().auth().oauth2(lead)
                .when().get("/api/v1/benchmarks?organisation=" + organisation + "&family=PEER_SUPPORT&level=ENTRY&payYear=2025-26")
                .then().statusCode(200).body("systemStandard.band", equalTo("BAND_4"));
        given().auth().oauth2(analyst).when().get("/api/v1/benchmarks?icb=" + icb + "&family=PEER_SUPPORT&payYear=2025-26")
                .then().statusCode(200).body("systemStandard", nullValue());
        given().auth().oauth2(analyst)
                .when().get("/api/v1/benchmarks?icb=" + icb + "&family=PEER_SUPPORT&level=SENIOR&payYear=2025-26")
                .then().statusCode(200).body("systemStandard", nullValue());
    }

    @Test
    void smallCohortsAreSuppressedForEveryoneButTheAdmin() {
        String lead = OidcTestServer.shared().token().roles("lxp-lead").organisations(organisation).signed();
        String url = "/api/v1/benchmarks?organisation=" + organisation + "&band=BAND_3&payYear=2025-26&title=peer support worker";
        given().auth().oauth2(lead).when().get(url + "&level=SENIOR")
                .then().statusCode(200).body("suppressed", equalTo(true)).body("headcount", nullValue())
                .body("fteAnnualisedPay", nullValue());
        given().auth().oauth2(admin()).when().get(url + "&level=SENIOR")
                .then().statusCode(200).body("suppressed", equalTo(false)).body("headcount", equalTo(0));
        given().auth().oauth2(lead).when().get(url)
                .then().statusCode(200).body("suppressed", equalTo(false)).body("headcount", equalTo(6));
        given().auth().oauth2(lead).when().get(url + "&comparatorStaffGroup=03")
                .then().statusCode(200).body("comparator.suppressed", equalTo(true)).body("comparator.headcount", nullValue());
    }

    @Test
    void scopesFollowTheToken() {
        String otherAnalyst = OidcTestServer.shared().token().roles("ics-analyst").icb("QWO").signed();
        given().auth().oauth2(otherAnalyst).when().get("/api/v1/benchmarks?icb=" + icb + "&payYear=2025-26").then().statusCode(403);
        given().auth().oauth2(otherAnalyst).when().get("/api/v1/benchmarks?organisation=" + organisation + "&payYear=2025-26")
                .then().statusCode(403);
        given().auth().oauth2(otherAnalyst).when().get("/api/v1/benchmarks?payYear=2025-26").then().statusCode(200);
        String hr = OidcTestServer.shared().token().roles("hr-integration").organisations(organisation).signed();
        given().auth().oauth2(hr).when().get("/api/v1/benchmarks?organisation=" + organisation + "&payYear=2025-26").then().statusCode(200);
        given().auth().oauth2(hr).when().get("/api/v1/benchmarks?icb=" + icb + "&payYear=2025-26").then().statusCode(200);
        String elsewhere = otherIcbWithAMember();
        given().auth().oauth2(hr).when().get("/api/v1/benchmarks?icb=" + elsewhere + "&payYear=2025-26").then().statusCode(403);
        given().auth().oauth2(OidcTestServer.shared().token().roles("practitioner").signed())
                .when().get("/api/v1/benchmarks?payYear=2025-26").then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2031-32").then().statusCode(422)
                .body("violations[0].field", equalTo("payYear"));
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&organisation=NOSUCH1")
                .then().statusCode(422).body("type", equalTo("/problems/unknown-reference"))
                .body("violations[0].field", equalTo("organisation"));
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&organisation=RGD&icb=QWO").then().statusCode(400);
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&band=BAND_33").then().statusCode(400)
                .body("violations[0].field", equalTo("band")).body("violations[0].in", equalTo("query"));
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&family=PEER_SUPPORTER").then().statusCode(400)
                .body("violations[0].field", equalTo("family"));
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&level=JUNIOR").then().statusCode(400)
                .body("violations[0].field", equalTo("level"));
        given().auth().oauth2(admin()).when().get("/api/v1/benchmarks?payYear=2025-26&family=PEER_SUPPORT&level=ENTRY&band=NON_AFC")
                .then().statusCode(200).body("cohort.family", equalTo("PEER_SUPPORT")).body("cohort.level", equalTo("ENTRY"))
                .body("cohort.band", equalTo("NON_AFC"));
    }
}
