package uk.org.lxp.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Remembers, for a few minutes, the identity Quarkus OIDC built from a bearer token it verified, keyed by the token's
 * exact text, so that an integration sending the same token a thousand times is not verified a thousand times: parsing
 * the token and checking its RS256 signature was half of the gateway's work per request, and Quarkus OIDC a sixth of
 * roles-service's CPU samples in a profile of B1 (docs/performance.md). Every application has its own: each still verifies a token
 * itself before it remembers it.
 *
 * <p>As an authentication mechanism ahead of Quarkus OIDC's, it answers only for a bearer token it has seen verified,
 * byte for byte, and only until that token expires, straight from the request's header: OIDC's own mechanism, even
 * for a token remembered further in, resolved its tenant and decoded the token again for every request, a tenth of the
 * gateway's event loops (docs/performance.md, B1). Anything else, including any altered copy of a remembered token,
 * falls through to Quarkus OIDC, which checks signature, issuer, audience and expiry as before, and answers with its
 * challenge. As the last augmentor it records the identity OIDC accepted, as every augmentor left it. A remembered
 * token stays accepted until it expires, as it would between two JWKS refreshes; the remembering lasts at most
 * {@link #AT_MOST}.
 *
 * <p>Sound while the token's text is all Quarkus OIDC checks per request, as with the suite's one tenant of bearer
 * tokens in the Authorization header ({@code application-type=service}); proof-of-possession (DPoP, mTLS-bound tokens),
 * introspection, userinfo, step-up authentication ({@code @AuthenticationContext}), a maximum token age, another
 * header or scheme, web-app sessions or a second tenant would need their checks, or the tenant, made part of what is
 * remembered.
 */
@ApplicationScoped
public class VerifiedTokenCache implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    static final Duration AT_MOST = Duration.ofMinutes(5);
    /** Far more distinct tokens than the suite's clients and signed-in people hold at once; beyond it, nothing new is kept. */
    static final int CAPACITY = 10_000;
    /** Quarkus OIDC's mechanism has 1001: this one is asked first. */
    private static final int AHEAD_OF_OIDC = 1002;
    private static final String BEARER = "Bearer ";
    /** What Quarkus OIDC's mechanism declares for bearer tokens, so that Quarkus sees the same scheme either way. */
    private static final HttpCredentialTransport BEARER_TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "Bearer");

    private record Remembered(SecurityIdentity identity, Instant until) {
    }

    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);
    private final Clock clock;

    @Inject
    VerifiedTokenCache() {
        this(Clock.systemUTC());
    }

    VerifiedTokenCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int getPriority() {
        return AHEAD_OF_OIDC;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = authorization.substring(BEARER.length());
        Remembered remembered = verified.get(token);
        if (remembered == null) {
            return Uni.createFrom().nullItem();
        }
        if (!clock.instant().isBefore(remembered.until())) {
            verified.remove(token, remembered);
            return Uni.createFrom().nullItem();
        }
        answered.increment();
        // The remembered identity names no request; this one's goes in, as OIDC would have put it.
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(remembered.identity())
                .addAttribute(RoutingContext.class.getName(), context)
                .build());
    }

    /**
     * A bearer token in the Authorization header, as Quarkus OIDC's: inclusive authentication and a path's choice of
     * mechanism both ask for it.
     */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(BEARER_TRANSPORT);
    }

    /** None of its own: a request this mechanism does not answer is Quarkus OIDC's to challenge. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Last, so that what is remembered is the identity every other augmentor has finished with. */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        remember(identity);
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        return augment(identity, context);
    }

    private void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || verified.containsKey(credential.getToken())
                || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getExpirationTime() <= 0) {
            return;
        }
        Instant now = clock.instant();
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        Instant until = expires.isBefore(now.plus(AT_MOST)) ? expires : now.plus(AT_MOST);
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            forgetExpired(now);
        }
        if (verified.size() < CAPACITY) {
            // Without the request it was built for, which would otherwise stay in memory as long as the token.
            SecurityIdentity requestFree = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), null)
                    .addAttribute(AuthenticationRequestContext.class.getName(), null)
                    .build();
            verified.putIfAbsent(credential.getToken(), new Remembered(requestFree, until));
        }
    }

    /** At most once a second, so that a cache full of live tokens is not searched on every new token. */
    private void forgetExpired(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plusSeconds(1)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
    }

    /** How many tokens are remembered now. */
    public int size() {
        return verified.size();
    }

    /** How many requests were let in on a remembered verification since the application started. */
    public long answered() {
        return answered.sum();
    }
}
