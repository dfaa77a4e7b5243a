package uk.org.lxp.roles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class JobEvaluationResourceTest {

    private static final int[] PEER_FACILITATOR_FROM = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 2, 3, 2, 3, 1};
    private static final int[] PEER_FACILITATOR_TO = {4, 5, 3, 3, 2, 4, 2, 1, 1, 2, 2, 2, 3, 3, 3, 1};

    private static String leadOf(String odsCode) {
        return OidcTestServer.shared().token().roles("lxp-lead").organisations(odsCode).signed();
    }

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static String evaluation(int[] from, int[] to, String evaluatedOn) {
        List<String> factors = new ArrayList<>();
        for (int factor = 1; factor <= from.length; factor++) {
            factors.add("{\"factor\":%d,\"levelFrom\":%d,\"levelTo\":%d}".formatted(factor, from[factor - 1], to[factor - 1]));
        }
        return """
                {"evaluatedOn":"%s","factors":[%s],"panel":{"management":2,"staffSide":2,"withLivedExperience":1}}
                """.formatted(evaluatedOn, String.join(",", factors));
    }

    private static String etagOf(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/role-profiles/" + id).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void aBandThreeRoleEvaluatedAtBandFourToFiveWeightShowsTheGapAndKeepsItsEarlierEvaluation() {
        String lead = leadOf("RXT");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile("RXT", "Peer Facilitator", "BAND_3", "07", true))
                .when().post("/api/v1/role-profiles").then().statusCode(201).body("jobEvaluation", nullValue())
                .extract().path("id");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        int[] bandFour = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 3, 1};
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(evaluation(bandFour, bandFour, today))
                .when().put("/api/v1/role-profiles/" + id + "/job-evaluation")
                .then().statusCode(200).body("jobEvaluation.weight.minimum", equalTo(276))
                .body("jobEvaluation.weight.bands", equalTo(List.of("BAND_4")));
        Instant between = Instant.now();

        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(evaluation(PEER_FACILITATOR_FROM, PEER_FACILITATOR_TO, today))
                .when().put("/api/v1/role-profiles/" + id + "/job-evaluation")
                .then().statusCode(200)
                .body("jobEvaluation.weight.minimum", equalTo(287)).body("jobEvaluation.weight.maximum", equalTo(343))
                .body("jobEvaluation.weight.bands", equalTo(List.of("BAND_4", "BAND_5")))
                .body("jobEvaluation.panel.staffSide", equalTo(2)).body("jobEvaluation.factors", hasSize(16))
                .body("concerns", hasItem(containsString("below the BAND_4 its own job evaluation evidences")));

        given().auth().oauth2(lead).queryParam("asOf", between.toString()).when().get("/api/v1/role-profiles/" + id)
                .then().statusCode(200).body("jobEvaluation.weight.maximum", equalTo(276));
    }

    @Test
    void anEvaluationTheSchemeCannotScoreIsRefusedNamingWhatIsWrong() {
        String lead = leadOf("RXT");
        String id = given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body(RoleProfileResourceTest.profile("RXT", "Peer Support Worker (Evaluation)", "BAND_4", "07", true))
                .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        int[] noSuchLevel = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 5, 1};

        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(evaluation(noSuchLevel, noSuchLevel, today))
                .when().put("/api/v1/role-profiles/" + id + "/job-evaluation")
                .then().statusCode(400).body("violations[0].field", equalTo("factors"))
                .body("detail", containsString("Factor 15 has no level 5"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(evaluation(PEER_FACILITATOR_FROM, PEER_FACILITATOR_TO, today).replace("\"staffSide\":2", "\"staffSide\":0"))
                .when().put("/api/v1/role-profiles/" + id + "/job-evaluation")
                .then().statusCode(400).body("violations[0].field", containsString("staffSide"));
        given().auth().oauth2(leadOf("RGD")).contentType(ContentType.JSON).header("If-Match", etagOf(lead, id))
                .body(evaluation(PEER_FACILITATOR_FROM, PEER_FACILITATOR_TO, today))
                .when().put("/api/v1/role-profiles/" + id + "/job-evaluation")
                .then().statusCode(403);
    }

    @Test
    void lxpAdminCorrectsTheSchemeAndAnOverlappingBandIsRefused() {
        given().auth().oauth2(leadOf("RXT")).when().get("/api/v1/job-evaluation-scheme").then().statusCode(200)
                .body("factors", hasSize(16)).body("factors[1].name", equalTo("Knowledge, training and experience"))
                .body("factors[1].levels", hasSize(8)).body("bands", hasSize(12))
                .body("bands.find { it.band == '5' }.minScore", equalTo(326));

        given().auth().oauth2(leadOf("RXT")).contentType(ContentType.JSON).body("{\"points\":99}")
                .when().put("/api/v1/job-evaluation-scheme/factors/16/levels/5").then().statusCode(403);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"points\":99}")
                .when().put("/api/v1/job-evaluation-scheme/factors/16/levels/9").then().statusCode(404);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"minScore\":300,\"maxScore\":395}")
                .when().put("/api/v1/job-evaluation-scheme/bands/5").then().statusCode(422)
                .body("detail", containsString("overlap band 4"));
        // The shipped value, written back: a correction is audited and stamped, and scores the next evaluation.
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"points\":25}")
                .when().put("/api/v1/job-evaluation-scheme/factors/16/levels/5").then().statusCode(200)
                .body("points", equalTo(25)).body("correctedAt", notNullValue());
    }
}
