package uk.org.lxp.roles;

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
 * Bulk upsert throughput of posts through the HTTP API, with real PostgreSQL and outbox: 5,000 new posts per
 * request, then 5,000 changed ones. Run with {@code ./mvnw -pl roles-service -am verify -Pbenchmark}; results in
 * {@code roles-service/target/benchmark/posts.txt}.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@Tag("benchmark")
class PostBulkUpsertBenchmarkTest {

    private static final int POSTS = 5_000;
    private static final int ROUNDS = 3;

    @Test
    void bulkUpsertThroughput() throws Exception {
        String admin = OidcTestServer.shared().token().roles("lxp-admin").signed();
        List<String> report = new ArrayList<>();
        List<Double> createRates = new ArrayList<>();
        List<Double> updateRates = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            String organisation = ("B" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)).toUpperCase();
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"odsCode\":\"%s\",\"name\":\"Bench\",\"type\":\"NHS_TRUST\"}".formatted(organisation))
                    .when().post("/api/v1/organisations").then().statusCode(201);
            String profile = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(RoleProfileResourceTest.profile(organisation, "Peer Support Worker", "BAND_4", "07", true))
                    .when().post("/api/v1/role-profiles").then().statusCode(201).extract().path("id");
            double created = timed(admin, body(organisation, profile, "1.0"));
            double changed = timed(admin, body(organisation, profile, "0.8"));
            if (round > 0) {
                createRates.add(created);
                updateRates.add(changed);
            }
        }
        report.add("Bulk upsert, %d posts per request, %d measured rounds after one warm-up:".formatted(POSTS, ROUNDS));
        report.add("  new posts:     %s posts/s".formatted(rates(createRates)));
        report.add("  changed posts: %s posts/s".formatted(rates(updateRates)));
        report.forEach(line -> System.out.println("[benchmark] " + line));
        Path out = Path.of("target", "benchmark", "posts.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static double timed(String token, String body) {
        long start = System.nanoTime();
        int status = given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", "bench-" + UUID.randomUUID()).body(body)
                .when().post("/api/v1/posts/bulk").then().extract().statusCode();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(status).isEqualTo(200);
        return POSTS / seconds;
    }

    private static String body(String organisation, String profile, String fte) {
        List<String> items = new ArrayList<>(POSTS);
        for (int i = 0; i < POSTS; i++) {
            items.add("""
                    {"postReference":"%s-%05d","roleProfileId":"%s","fte":%s,"team":"Team %d","status":"FILLED",
                     "funding":{"kind":"RECURRENT"},"holderStaffReference":"E-%05d"}""".formatted(organisation, i, profile,
                    fte, i % 10, i));
        }
        return "{\"organisationCode\":\"%s\",\"posts\":[%s]}".formatted(organisation, String.join(",", items));
    }

    private static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(rate -> String.format("%.0f", rate)).toList());
    }
}
