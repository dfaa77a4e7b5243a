package uk.org.lxp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Builds bearer tokens shaped like the ones Keycloak issues for realm {@code lxp}: realm roles under
 * {@code realm_access.roles}, the trusts a client acts for in {@code org}, the ICB of an analyst in {@code icb}.
 * It can also build the broken tokens an attacker would send, so that rejection can be tested.
 */
public final class TestToken {

    private final RsaJsonWebKey signingKey;
    private String issuer;
    private String audience;
    private String subject = "test-subject";
    private String clientId = "lxp-test-client";
    private final List<String> roles = new ArrayList<>();
    private final List<String> organisations = new ArrayList<>();
    private String icb;
    private String staffReference;
    private Duration lifetime = Duration.ofMinutes(5);
    private Duration validFromIn = Duration.ZERO;

    TestToken(String issuer, String audience, RsaJsonWebKey signingKey) {
        this.issuer = issuer;
        this.audience = audience;
        this.signingKey = signingKey;
    }

    public TestToken subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestToken clientId(String clientId) {
        this.clientId = clientId;
        return this;
    }

    public TestToken roles(String... roles) {
        this.roles.addAll(List.of(roles));
        return this;
    }

    /** The ODS codes of the organisations this token may act for (the {@code org} claim). */
    public TestToken organisations(String... odsCodes) {
        this.organisations.addAll(List.of(odsCodes));
        return this;
    }

    /** The ICB an analyst token is scoped to (the {@code icb} claim). */
    public TestToken icb(String icbCode) {
        this.icb = icbCode;
        return this;
    }

    /** A person's own opaque staff reference (the {@code staff_ref} claim of people's tokens). */
    public TestToken staffReference(String staffReference) {
        this.staffReference = staffReference;
        return this;
    }

    public TestToken issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TestToken audience(String audience) {
        this.audience = audience;
        return this;
    }

    /** A negative lifetime gives a token that has already expired. */
    public TestToken lifetime(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** A token whose {@code nbf} (and {@code iat}) lie this far ahead: not valid yet. */
    public TestToken validFromIn(Duration delay) {
        this.validFromIn = delay;
        return this;
    }

    public String signed() {
        return rs256(signingKey, signingKey.getKeyId(), jws -> { });
    }

    /** Signed with a key the provider never published, under the key id of the one it did. */
    public String signedWithUnknownKey() {
        return rs256(strangersKey(), signingKey.getKeyId(), jws -> { });
    }

    /** Signed properly, then the signature cut off ({@code header.payload.}). */
    public String withSignatureStripped() {
        String token = signed();
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    /** Signed properly, then one character of the signature changed. */
    public String withSignatureFlipped() {
        String token = signed();
        int at = token.lastIndexOf('.') + 5;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }

    /** Signed with a stranger's key under a key id the provider never published. */
    public String signedWithUnknownKeyId() {
        return rs256(strangersKey(), "kid-" + UUID.randomUUID(), jws -> { });
    }

    /** Signed with a stranger's key that the token carries in its own {@code jwk} header, hoping to be believed. */
    public String signedWithEmbeddedKey() {
        RsaJsonWebKey stranger = strangersKey();
        return rs256(stranger, null, jws -> jws.setJwkHeader(stranger));
    }

    /** Signed with {@code key}, under its own key id, pointing by {@code jku} to where its owner publishes it. */
    String signedWithKeyPublishedAt(RsaJsonWebKey key, String jwksUrl) {
        return rs256(key, key.getKeyId(), jws -> jws.setHeader("jku", jwksUrl));
    }

    /** {@code alg: none}, no signature at all. */
    public String unsigned() {
        JsonWebSignature jws = jws();
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        return serialize(jws);
    }

    /** HS256 keyed with the provider's public key: the classic algorithm-confusion attack. */
    public String hmacSignedWithPublicKey() {
        JsonWebSignature jws = jws();
        jws.setKey(new HmacKey(signingKey.getPublicKey().getEncoded()));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setDoKeyValidation(false);
        return serialize(jws);
    }

    private JsonWebSignature jws() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("azp", clientId);
        claims.setClaim("typ", "Bearer");
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate issuedAt = NumericDate.fromSeconds(NumericDate.now().getValue() + validFromIn.toSeconds());
        claims.setIssuedAt(issuedAt);
        if (!validFromIn.isZero()) {
            claims.setNotBefore(issuedAt);
        }
        NumericDate expiry = NumericDate.fromSeconds(issuedAt.getValue() + lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setClaim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (!organisations.isEmpty()) {
            claims.setStringListClaim("org", organisations);
        }
        if (icb != null) {
            claims.setClaim("icb", icb);
        }
        if (staffReference != null) {
            claims.setClaim("staff_ref", staffReference);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setHeader("typ", "JWT");
        return jws;
    }

    /** These claims signed RS256 with {@code key}, naming {@code keyId} (none when null), with any further headers. */
    private String rs256(RsaJsonWebKey key, String keyId, Consumer<JsonWebSignature> headers) {
        JsonWebSignature jws = jws();
        jws.setKey(key.getPrivateKey());
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        headers.accept(jws);
        return serialize(jws);
    }

    private static RsaJsonWebKey strangersKey() {
        try {
            return RsaJwkGenerator.generateJwk(2048);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not serialise the test token", e);
        }
    }
}
