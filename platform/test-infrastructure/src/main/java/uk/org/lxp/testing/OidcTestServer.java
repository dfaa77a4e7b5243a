package uk.org.lxp.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * An OpenID provider for tests, shaped like the Keycloak realm {@code lxp}: discovery document and JWKS
 * served from 127.0.0.1 on a free port, and a fresh RSA signing key each run. Tokens come from {@link #token()}
 * and are really signed, so services validate them exactly as they validate Keycloak's.
 */
public final class OidcTestServer {

    public static final String REALM_PATH = "/realms/lxp";
    public static final String AUDIENCE = "lxp-api";

    private static OidcTestServer instance;

    /** Where an attacker publishes a key of its own, for tokens that point to it ({@code jku}); nobody may fetch it. */
    private static final String ATTACKERS_KEYS = "/attacker/jwks.json";

    private final WireMockServer server;
    private final RsaJsonWebKey signingKey;
    private final RsaJsonWebKey attackersKey;

    private OidcTestServer(WireMockServer server, RsaJsonWebKey signingKey, RsaJsonWebKey attackersKey) {
        this.server = server;
        this.signingKey = signingKey;
        this.attackersKey = attackersKey;
    }

    public static synchronized OidcTestServer shared() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.server::stop, "oidc-test-server-stop"));
        }
        return instance;
    }

    private static OidcTestServer start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("lxp-test-signing-key");
            key.setAlgorithm("RS256");
            key.setUse("sig");
            RsaJsonWebKey attackers = RsaJwkGenerator.generateJwk(2048);
            attackers.setKeyId("attackers-key");
            attackers.setAlgorithm("RS256");
            WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            OidcTestServer oidc = new OidcTestServer(server, key, attackers);
            oidc.publishDiscoveryAndKeys();
            return oidc;
        } catch (JoseException e) {
            throw new IllegalStateException("Could not create the test signing key", e);
        }
    }

    private void publishDiscoveryAndKeys() {
        String issuer = issuer();
        String discovery = """
                {
                  "issuer": "%1$s",
                  "jwks_uri": "%1$s/protocol/openid-connect/certs",
                  "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                  "token_endpoint": "%1$s/protocol/openid-connect/token",
                  "id_token_signing_alg_values_supported": ["RS256"],
                  "response_types_supported": ["code"],
                  "subject_types_supported": ["public"]
                }
                """.formatted(issuer);
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(discovery)));
        String keys = new JsonWebKeySet(signingKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        server.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(keys)));
        server.stubFor(get(urlEqualTo(ATTACKERS_KEYS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JsonWebKeySet(attackersKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    /** A token signed with the attacker's key, whose {@code jku} header points to where the attacker publishes it. */
    String signedByTheAttackersPublishedKey(TestToken token) {
        return token.signedWithKeyPublishedAt(attackersKey, "http://127.0.0.1:" + server.port() + ATTACKERS_KEYS);
    }

    /** How often anyone fetched the attacker's keys: a service that follows {@code jku} would have. */
    public int attackersKeysFetched() {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(ATTACKERS_KEYS)).build()).getCount();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.port() + REALM_PATH;
    }

    /** A token builder with this provider's issuer, audience and key; callers add the subject, roles and scope. */
    public TestToken token() {
        return new TestToken(issuer(), AUDIENCE, signingKey);
    }
}
