package uk.org.lxp.roles;

/**
 * Whose view went into an answer to a readiness question or into a role review. Readiness needs both sides: those
 * who use services (or care for someone who does) and those who provide them.
 */
public enum Perspective {
    PEOPLE_WHO_USE_SERVICES,
    CARERS,
    TEAM_MEMBERS,
    PARTNERS,
    LIVED_EXPERIENCE_LEADS;

    public boolean speaksForUsersOrCarers() {
        return this == PEOPLE_WHO_USE_SERVICES || this == CARERS;
    }

    public boolean speaksForProvider() {
        return !speaksForUsersOrCarers();
    }
}
