package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.org.lxp.testing.FreePorts;

/**
 * roles-service as a WireMock stand-in that the gateway may hold one connection to, with one request waiting for it
 * at most, for half a second; the circuit breaker opens on the second failure in a row it counts, so two requests turned
 * away as busy would open it if they counted.
 */
public class NarrowDownstream implements QuarkusTestResourceLifecycleManager {

    static WireMockServer roles;

    @Override
    public Map<String, String> start() {
        roles = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        roles.start();
        return Map.of(
                "lxp.gateway.services.roles-service.url", roles.baseUrl(),
                "lxp.gateway.services.supervision-service.url", "http://127.0.0.1:" + FreePorts.next(),
                "lxp.gateway.services.pay-equity-service.url", "http://127.0.0.1:" + FreePorts.next(),
                "lxp.gateway.downstream.max-connections", "1",
                // One event loop, so that its share of the gateway's limits is the whole of them.
                "quarkus.vertx.event-loops-pool-size", "1",
                "lxp.gateway.downstream.max-waiting", "1",
                "lxp.gateway.downstream.queue-timeout", "500ms",
                "lxp.gateway.circuit-breaker.failure-threshold", "2",
                "lxp.gateway.rate-limit.capacity", "1000");
    }

    @Override
    public void stop() {
        roles.stop();
    }
}
