package uk.org.lxp.testing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL, a real Kafka broker and the OIDC provider for a service's {@code @QuarkusTest}s.
 * Each is started once per test JVM (the servers are JVM-wide singletons) and stopped when it exits;
 * this resource only hands their addresses to the application under test.
 */
public class LxpTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        CompletableFuture<KafkaTestBroker> kafka = CompletableFuture.supplyAsync(KafkaTestBroker::shared);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        OidcTestServer oidc = OidcTestServer.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USERNAME,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.join().bootstrapServers(),
                "quarkus.oidc.auth-server-url", oidc.issuer());
    }

    @Override
    public void stop() {
        // The servers are shared by every test class in the JVM and stop with it.
    }
}
