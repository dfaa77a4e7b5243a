package uk.org.lxp.roles;

/** What a steering-group member brings; an LXP is both staff and a person with lived experience. */
public enum MemberPerspective {
    LXP,
    PERSON_WHO_USES_SERVICES,
    CARER,
    CLINICIAN,
    MANAGER;

    public boolean hasLivedExperience() {
        return this == LXP || this == PERSON_WHO_USES_SERVICES || this == CARER;
    }

    public boolean isStaff() {
        return this == LXP || this == CLINICIAN || this == MANAGER;
    }
}
