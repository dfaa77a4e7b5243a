package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

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
class PayScaleResourceTest {

    private static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    private static String analyst() {
        return OidcTestServer.shared().token().roles("ics-analyst").icb("QHM").signed();
    }

    @Test
    void shippedPayScalesAreLoadedByTheMigration() {
        given().auth().oauth2(analyst()).when().get("/api/v1/pay-scales")
                .then().statusCode(200).body("$", hasItems("2025-26", "2026-27"));

        given().auth().oauth2(analyst()).when().get("/api/v1/pay-scales/2025-26")
                .then().statusCode(200)
                .body("payYear", equalTo("2025-26"))
                .body("effectiveFrom", equalTo("2025-04-01"))
                .body("bands.find { it.band == 'BAND_3' }.points[0].annualGbp", equalTo(24937.0f))
                .body("bands.find { it.band == 'BAND_3' }.points[0].hourlyRate", equalTo(12.75f))
                .body("bands.find { it.band == 'BAND_3' }.points[0].yearsToNextPoint", equalTo(2))
                .body("bands.find { it.band == 'BAND_9' }.points.size()", equalTo(3));
    }

    @Test
    void adminAddsAPayYearAndReadsItBack() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(payYear("2031-32", "2031-04-01", 30000))
                .when().post("/api/v1/pay-scales")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/pay-scales/2031-32"));

        given().auth().oauth2(analyst()).when().get("/api/v1/pay-scales/2031-32")
                .then().statusCode(200)
                .body("bands.size()", equalTo(11))
                .body("bands.find { it.band == 'BAND_8A' }.points[1].annualGbp", equalTo(30000.0f + 6 * 1000 + 500));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(payYear("2031-32", "2031-04-01", 30000))
                .when().post("/api/v1/pay-scales")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("2031-32"));
    }

    @Test
    void inconsistentPayScalesAreRefusedWithAReason() {
        String missingBands = """
                {"payYear":"2032-33","effectiveFrom":"2032-04-01",
                 "points":[{"band":"BAND_3","point":1,"annualGbp":25000}]}
                """;
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(missingBands)
                .when().post("/api/v1/pay-scales")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("has no pay points"))
                .body("violations[0].field", equalTo("points"));

        String negativePay = """
                {"payYear":"2032-33","effectiveFrom":"2032-04-01",
                 "points":[{"band":"BAND_3","point":1,"annualGbp":-5}]}
                """;
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(negativePay)
                .when().post("/api/v1/pay-scales")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(payYear("2033-34", "2034-04-01", 30000))
                .when().post("/api/v1/pay-scales")
                .then().statusCode(400).body("detail", containsString("is not in pay year 2033-34"))
                .body("violations[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void unknownAndMalformedYearsAreClientErrors() {
        given().auth().oauth2(analyst()).when().get("/api/v1/pay-scales/2040-41")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(analyst()).when().get("/api/v1/pay-scales/last-year")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("payYear")).body("violations[0].in", equalTo("path"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(payYear("2031/32", "2031-04-01", 30000))
                .when().post("/api/v1/pay-scales")
                .then().statusCode(400).body("violations[0].field", equalTo("payYear"));
    }

    @Test
    void onlyAnAdminMayAddAPayYearAndEveryoneNeedsAToken() {
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(payYear("2034-35", "2034-04-01", 30000))
                .when().post("/api/v1/pay-scales").then().statusCode(403);
        given().when().get("/api/v1/pay-scales").then().statusCode(401);
    }

    /** Every band with two points; each band starts 1,000 above the last. */
    private static String payYear(String year, String effectiveFrom, int bottom) {
        List<String> points = new ArrayList<>();
        int base = bottom;
        for (AfcBand band : AfcBand.values()) {
            points.add("{\"band\":\"%s\",\"point\":1,\"annualGbp\":%d,\"yearsToNextPoint\":2}".formatted(band, base));
            points.add("{\"band\":\"%s\",\"point\":2,\"annualGbp\":%d}".formatted(band, base + 500));
            base += 1000;
        }
        return "{\"payYear\":\"%s\",\"effectiveFrom\":\"%s\",\"points\":[%s]}"
                .formatted(year, effectiveFrom, String.join(",", points));
    }
}
