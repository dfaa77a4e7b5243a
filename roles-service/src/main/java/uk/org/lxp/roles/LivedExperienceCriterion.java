package uk.org.lxp.roles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What separates an LXP role from a generic involvement role: the lived experience the role requires, stated
 * explicitly in the profile.
 */
@Schema(name = "RoleProfileLivedExperienceCriterion")
public record LivedExperienceCriterion(boolean essential, Focus focus, String wording) {

    @Schema(name = "LivedExperienceFocus")
    public enum Focus {
        OWN_MENTAL_HEALTH,
        CARER_OR_FAMILY,
        SUBSTANCE_USE,
        PERINATAL,
        OTHER
    }

    public LivedExperienceCriterion {
        if (focus == null || wording == null || wording.isBlank()) {
            throw new IllegalArgumentException("The lived experience criterion needs its focus and its wording");
        }
    }
}
