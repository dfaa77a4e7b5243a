package uk.org.lxp.roles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A kind of supervision the role needs, at least every so many days (no national cadence exists). */
@Schema(name = "RoleProfileSupervisionRequirement")
public record SupervisionRequirement(Type type, int minimumEveryDays) {

    @Schema(name = "RequiredSupervisionType")
    public enum Type {
        LINE_MANAGEMENT,
        CASE,
        LIVED_EXPERIENCE_PEER,
        GROUP,
        REFLECTIVE_PRACTICE
    }

    public SupervisionRequirement {
        if (type == null || minimumEveryDays < 1 || minimumEveryDays > 365) {
            throw new IllegalArgumentException("A supervision requirement needs a type and a cadence of 1 to 365 days");
        }
    }
}
