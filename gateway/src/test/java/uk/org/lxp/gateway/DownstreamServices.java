package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import uk.org.lxp.testing.FreePorts;

/**
 * Stand-ins for the services behind the gateway, on 127.0.0.1: roles-service and supervision-service answer
 * (WireMock), pay-equity-service is stopped (nothing listens on its port). Limits are set low enough to test.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    static WireMockServer roles;
    static WireMockServer supervision;

    static final int RATE_LIMIT = 20;
    static final int MAX_BODY_BYTES = 2048;

    @Override
    public Map<String, String> start() {
        roles = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        supervision = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        roles.start();
        supervision.start();
        return Map.of(
                "lxp.gateway.services.roles-service.url", roles.baseUrl(),
                "lxp.gateway.services.supervision-service.url", supervision.baseUrl(),
                "lxp.gateway.services.pay-equity-service.url", "http://127.0.0.1:" + FreePorts.next(),
                "lxp.gateway.rate-limit.capacity", Integer.toString(RATE_LIMIT),
                "lxp.gateway.rate-limit.period", "1h",
                "lxp.gateway.max-body-bytes", Integer.toString(MAX_BODY_BYTES));
    }

    @Override
    public void stop() {
        roles.stop();
        supervision.stop();
    }
}
