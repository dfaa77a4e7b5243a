package uk.org.lxp.roles;

/** How senior a role is within its family. */
public enum RoleLevel {
    ENTRY,
    SENIOR,
    LEAD_OR_ADVANCED,
    STRATEGIC_OR_DIRECTOR
}
