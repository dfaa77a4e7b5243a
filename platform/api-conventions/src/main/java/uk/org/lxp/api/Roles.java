package uk.org.lxp.api;

/**
 * The realm roles, as {@code @RolesAllowed} needs them: compile-time constants. What each role may see beyond its
 * role check is decided by {@link uk.org.lxp.api.scope.ScopePolicy}.
 */
public final class Roles {

    public static final String LXP_ADMIN = "lxp-admin";
    public static final String HR_INTEGRATION = "hr-integration";
    public static final String ICS_ANALYST = "ics-analyst";
    public static final String LXP_LEAD = "lxp-lead";
    public static final String SUPERVISOR = "supervisor";
    public static final String PRACTITIONER = "practitioner";

    private Roles() {
    }
}
