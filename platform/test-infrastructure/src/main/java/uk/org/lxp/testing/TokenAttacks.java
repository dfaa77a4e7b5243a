package uk.org.lxp.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.restassured.specification.RequestSpecification;

/**
 * The ways a caller can present a token that must not be believed, each of which every protected operation refuses
 * with 401: none at all, one that is not valid here (expired, not yet valid, another issuer or audience), one whose
 * signature proves nothing (none, stripped, altered, HMAC keyed with the public key, a stranger's key however it is
 * offered, or published at a URL the token names), and a good token in the query string, where it would end up in
 * logs and browser history. {@link OidcTestServer#attackersKeysFetched()} tells whether anyone followed that URL.
 */
public final class TokenAttacks {

    /** One way of presenting a token, applied to a request that is otherwise well formed. */
    public record Attack(String name, UnaryOperator<RequestSpecification> presentation) {

        public RequestSpecification applyTo(RequestSpecification request) {
            return presentation.apply(request);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private TokenAttacks() {
    }

    /**
     * Every attack, each made from a token {@code genuine} builds (one that would be let in when properly presented,
     * such as lxp-admin's), so that the attack alone is what is wrong with it.
     */
    public static List<Attack> against(Supplier<TestToken> genuine) {
        return List.of(
                new Attack("no token", request -> request),
                bearer("an expired token", genuine.get().lifetime(Duration.ofMinutes(-5)).signed()),
                bearer("a token not valid yet", genuine.get().validFromIn(Duration.ofMinutes(10)).signed()),
                bearer("another issuer's token", genuine.get().issuer("http://127.0.0.1:1/realms/elsewhere").signed()),
                bearer("a token for another audience", genuine.get().audience("another-api").signed()),
                bearer("alg none", genuine.get().unsigned()),
                bearer("the signature stripped", genuine.get().withSignatureStripped()),
                bearer("the signature altered", genuine.get().withSignatureFlipped()),
                bearer("HS256 keyed with the realm's public key", genuine.get().hmacSignedWithPublicKey()),
                bearer("a stranger's key under the realm's key id", genuine.get().signedWithUnknownKey()),
                bearer("an unknown key id", genuine.get().signedWithUnknownKeyId()),
                bearer("a stranger's key embedded in the header (jwk)", genuine.get().signedWithEmbeddedKey()),
                bearer("the attacker's published key by URL (jku)",
                        OidcTestServer.shared().signedByTheAttackersPublishedKey(genuine.get())),
                new Attack("a valid token in the query string",
                        request -> request.queryParam("access_token", genuine.get().signed())));
    }

    private static Attack bearer(String name, String token) {
        return new Attack(name, request -> request.header("Authorization", "Bearer " + token));
    }
}
