package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import uk.org.lxp.testing.FreePorts;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * roles-service as two WireMock instances on ports of their own, which a test may stop and start again on the same
 * port; the breaker of an instance opens at its third failure in a row, for one second. The gateway may hold one
 * connection to each instance, and a request waits for it half a second at most, so a test can keep an instance busy.
 */
public class ReplicatedDownstream implements QuarkusTestResourceLifecycleManager {

    static final int FIRST_PORT = FreePorts.next();
    static final int SECOND_PORT = FreePorts.next();

    static WireMockServer first;
    static WireMockServer second;

    @Override
    public Map<String, String> start() {
        first = startOn(FIRST_PORT);
        second = startOn(SECOND_PORT);
        return Map.of(
                "lxp.gateway.services.roles-service.url", first.baseUrl() + "," + second.baseUrl(),
                "lxp.gateway.services.supervision-service.url", "http://127.0.0.1:" + FreePorts.next(),
                "lxp.gateway.services.pay-equity-service.url", "http://127.0.0.1:" + FreePorts.next(),
                "lxp.gateway.downstream.max-connections", "1",
                // One event loop, so that its share of the gateway's limits is the whole of them.
                "quarkus.vertx.event-loops-pool-size", "1",
                "lxp.gateway.downstream.queue-timeout", "500ms",
                "lxp.gateway.circuit-breaker.failure-threshold", "3",
                "lxp.gateway.circuit-breaker.open-for", "1s",
                "lxp.gateway.rate-limit.capacity", "1000");
    }

    static WireMockServer startOn(int port) {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
        server.start();
        return server;
    }

    @Override
    public void stop() {
        first.stop();
        second.stop();
    }
}
