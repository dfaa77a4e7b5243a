package uk.org.lxp.api;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which organisations the caller may act for: every one for lxp-admin; otherwise those named in the token's
 * {@code org} claim, which Keycloak sets per HR client and per user.
 */
@RequestScoped
public class CallerScope {

    public static final String ADMIN = "lxp-admin";
    public static final String HR_INTEGRATION = "hr-integration";
    public static final String ICS_ANALYST = "ics-analyst";
    public static final String LXP_LEAD = "lxp-lead";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    CallerScope(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public Set<String> organisations() {
        Object claim = token.getClaim("org");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (claim instanceof JsonString single) {
            return Set.of(single.getString());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return claim == null ? Set.of() : Set.of(String.valueOf(claim));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The ICB an analyst is scoped to (the {@code icb} claim), if any. */
    public java.util.Optional<String> icb() {
        Object claim = token.getClaim("icb");
        if (claim instanceof JsonString single) {
            return java.util.Optional.of(single.getString());
        }
        return claim == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(claim));
    }

    /** Who is acting, for audit: the machine client's id, else the token's subject. */
    public String actor() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String client = token.getClaim("azp");
        return client != null ? client + "/" + token.getSubject() : identity.getPrincipal().getName();
    }

    public boolean mayActFor(String odsCode) {
        return isAdmin() || organisations().contains(odsCode);
    }

    public void requireOrganisation(String odsCode) {
        if (!isAdmin() && !organisations().contains(odsCode)) {
            throw new ForbiddenException("This token may not act for organisation " + odsCode);
        }
    }
}
