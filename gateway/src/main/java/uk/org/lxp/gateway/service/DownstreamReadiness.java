package uk.org.lxp.gateway.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import uk.org.lxp.gateway.config.GatewayConfig;

/**
 * Reports each service's own readiness, from each of its instances. The gateway stays ready while one service is
 * down: its other routes still work, and requests to the failing one get a prompt 503.
 */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final GatewayConfig config;

    DownstreamReadiness(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient();
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, String>>> probes = new ArrayList<>();
        config.services().forEach((name, service) -> probes.add(probeInstances(name, service.urls())));
        return Uni.join().all(probes).andFailFast().map(results -> {
            var builder = HealthCheckResponse.named("downstream services").up();
            results.forEach(result -> builder.withData(result.getKey(), result.getValue()));
            return builder.build();
        });
    }

    /** UP when every instance is ready, DOWN when none is, and how many are when some are. */
    private Uni<Map.Entry<String, String>> probeInstances(String name, List<URI> instances) {
        return Uni.join().all(instances.stream().map(this::probe).toList()).andFailFast().map(ready -> {
            long up = ready.stream().filter(Boolean::booleanValue).count();
            String status = up == instances.size() ? "UP"
                    : up == 0 ? "DOWN"
                    : "UP: " + up + " of " + instances.size() + " instances ready";
            return Map.entry(name, status);
        });
    }

    private Uni<Boolean> probe(URI url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(url.getPort()).setURI("/q/health/ready").setIdleTimeout(PROBE_TIMEOUT.toMillis());
        return client.request(options)
                .flatMap(request -> request.send())
                .map(response -> response.statusCode() == 200)
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .onFailure().recoverWithItem(false);
    }
}
