package uk.org.lxp.payequity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.LxpTestInfrastructure;
import uk.org.lxp.testing.OidcTestServer;

/**
 * The national scale: about 1.5 million comparator records (220 organisations x 6,800), loaded through the API,
 * then a national benchmark against them. Run with {@code ./mvnw -pl pay-equity-service -am verify -Pbenchmark};
 * results in {@code pay-equity-service/target/benchmark/national.txt}.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@Tag("benchmark")
class NationalScaleBenchmarkTest {

    private static final int ORGANISATIONS = 220;
    private static final int PER_ORGANISATION = 6_800;
    private static final String[] BANDS = {"BAND_2", "BAND_3", "BAND_4", "BAND_5", "BAND_6", "BAND_7"};

    @Test
    void loadAndBenchmarkAgainstANationalComparatorWorkforce() throws Exception {
        String admin = OidcTestServer.shared().token().roles("lxp-admin").lifetime(java.time.Duration.ofHours(2)).signed();
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        long loadStart = System.nanoTime();
        for (int o = 0; o < ORGANISATIONS; o++) {
            List<String> records = new ArrayList<>(PER_ORGANISATION);
            for (int i = 0; i < PER_ORGANISATION; i++) {
                records.add("{\"staffGroupCode\":\"%02d\",\"band\":\"%s\",\"point\":1,\"fte\":1.0,\"fixedTerm\":%s}"
                        .formatted(1 + i % 10, BANDS[i % BANDS.length], i % 9 == 0));
            }
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"asOf\":\"2025-10-01\",\"records\":[%s]}".formatted(String.join(",", records)))
                    .when().put("/api/v1/comparators/N%s%03d".formatted(run, o)).then().statusCode(200);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        long queryStart = System.nanoTime();
        int status = given().auth().oauth2(admin).when().get("/api/v1/benchmarks?payYear=2025-26&comparatorStaffGroup=07")
                .then().extract().statusCode();
        double querySeconds = (System.nanoTime() - queryStart) / 1e9;
        assertThat(status).isEqualTo(200);

        long evaluationStart = System.nanoTime();
        given().auth().oauth2(admin).when().post("/api/v1/parity-findings/evaluations").then().statusCode(200);
        double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;

        int total = ORGANISATIONS * PER_ORGANISATION;
        List<String> report = List.of(
                "National comparator workforce: %d records in %d organisations".formatted(total, ORGANISATIONS),
                "  loaded through PUT /api/v1/comparators in %.1f s (%.0f records/s)".formatted(loadSeconds, total / loadSeconds),
                "  national benchmark against staff group 07 (%d records): %.2f s".formatted(total / 10, querySeconds),
                "  parity evaluation over everything: %.2f s".formatted(evaluationSeconds));
        report.forEach(line -> System.out.println("[benchmark] " + line));
        Path out = Path.of("target", "benchmark", "national.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }
}
