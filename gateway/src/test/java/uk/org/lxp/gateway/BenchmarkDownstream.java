package uk.org.lxp.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import uk.org.lxp.testing.FreePorts;

/**
 * A service that answers at once with a fixed 1 KB JSON body, so a benchmark measures the gateway and not the
 * service. Rate limiting is set out of the way.
 */
public class BenchmarkDownstream implements QuarkusTestResourceLifecycleManager {

    static final Buffer BODY = Buffer.buffer(("{\"items\":[" + "\"x\",".repeat(200) + "\"x\"]}")
            .getBytes(StandardCharsets.UTF_8));

    static int port;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        port = FreePorts.next();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(BODY));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The benchmark's stand-in service did not start", e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "lxp.gateway.services.roles-service.url", url,
                "lxp.gateway.services.supervision-service.url", url,
                "lxp.gateway.services.pay-equity-service.url", url,
                "lxp.gateway.rate-limit.capacity", "100000000",
                "quarkus.http.access-log.enabled", "false");
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
