package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;

/**
 * What the gateway adds to a call: latency percentiles of sequential calls and throughput under concurrency,
 * through the gateway and straight to the same service. Run with
 * {@code ./mvnw -pl gateway -am verify -Pbenchmark}; results in {@code gateway/target/benchmark/gateway.txt}.
 */
@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(BenchmarkDownstream.class)
@Tag("benchmark")
class GatewayBenchmarkTest {

    private static final int WARM_UP = 2_000;
    private static final int SEQUENTIAL = 5_000;
    private static final int CONCURRENCY = 16;
    private static final Duration THROUGHPUT_RUN = Duration.ofSeconds(15);

    @ConfigProperty(name = "quarkus.http.test-port")
    int gatewayPort;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void overheadOfTheGateway() throws Exception {
        String token = OidcTestServer.shared().token().roles("lxp-admin").lifetime(Duration.ofHours(1)).signed();
        URI viaGateway = URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/organisations?page=0");
        URI direct = URI.create("http://127.0.0.1:" + BenchmarkDownstream.port + "/api/v1/organisations?page=0");

        sequential(viaGateway, token, WARM_UP);
        sequential(direct, token, WARM_UP);
        long[] gateway = sequential(viaGateway, token, SEQUENTIAL);
        long[] straight = sequential(direct, token, SEQUENTIAL);
        line("Sequential calls, %d each, 1 KB JSON response, bearer token validated by the gateway:", SEQUENTIAL);
        line("  direct:  p50 %.3f ms, p99 %.3f ms", ms(p(straight, 50)), ms(p(straight, 99)));
        line("  gateway: p50 %.3f ms, p99 %.3f ms", ms(p(gateway, 50)), ms(p(gateway, 99)));
        line("  added:   p50 %.3f ms, p99 %.3f ms", ms(p(gateway, 50) - p(straight, 50)),
                ms(p(gateway, 99) - p(straight, 99)));

        double directRate = throughput(direct, token);
        double gatewayRate = throughput(viaGateway, token);
        line("Throughput with %d concurrent callers for %d s each:", CONCURRENCY, THROUGHPUT_RUN.toSeconds());
        line("  direct %.0f requests/s, gateway %.0f requests/s, ratio %.2f", directRate, gatewayRate,
                gatewayRate / directRate);

        Path out = Path.of("target", "benchmark", "gateway.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private long[] sequential(URI uri, String token, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private double throughput(URI uri, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + THROUGHPUT_RUN.toNanos();
        for (int i = 0; i < CONCURRENCY; i++) {
            counts.add(callers.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(response.statusCode()).isEqualTo(200);
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        callers.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private void line(String format, Object... arguments) {
        String text = String.format(format, arguments);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }

    private static long p(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
