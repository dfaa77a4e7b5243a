package uk.org.lxp.payequity;

/** The levels of the LXP role catalogue (see {@link RoleFamily} for why pay-equity-service lists them). */
public enum RoleLevel {
    ENTRY,
    SENIOR,
    LEAD_OR_ADVANCED,
    STRATEGIC_OR_DIRECTOR
}
