package uk.org.lxp.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Only the OIDC provider, for an application that has no database or broker of its own (the gateway). */
public class OidcTestProvider implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", OidcTestServer.shared().issuer());
    }

    @Override
    public void stop() {
        // The provider is shared by every test class in the JVM and stops with it.
    }
}
