package uk.org.lxp.api.scope;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the token says: its realm roles, the organisations it acts for ({@code org} claim), its ICB
 * ({@code icb} claim, for analysts), and for a person, their own opaque staff reference ({@code staff_ref} claim).
 * {@code actor} names it in the audit trail.
 */
public record Caller(String actor, Set<String> roles, Set<String> organisations, Optional<String> icb,
        Optional<String> staffReference) {

    public Caller {
        roles = Set.copyOf(roles);
        organisations = Set.copyOf(organisations);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
