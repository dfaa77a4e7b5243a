package uk.org.lxp.supervision.rest;

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

    static final String ADMIN = "lxp-admin";

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

    public void requireOrganisation(String odsCode) {
        if (!isAdmin() && !organisations().contains(odsCode)) {
            throw new ForbiddenException("This token may not act for organisation " + odsCode);
        }
    }
}
