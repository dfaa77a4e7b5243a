package uk.org.lxp.supervision;

/** The kinds of supervision an agreement provides. */
public enum SupervisionType {
    LIVED_EXPERIENCE_PROFESSIONAL,
    LINE_MANAGEMENT,
    CLINICAL_OR_CASE,
    GROUP,
    WELLBEING_CHECK_IN,
    /** A trainee's weekly mentoring on the training programme: made for a trainee, never as a supervision agreement. */
    MENTORING;

    /** The kind an agreement gives for a role profile's requirement, as roles-service names it. */
    public static SupervisionType forRequirement(String requirement) {
        return switch (requirement) {
            case "LIVED_EXPERIENCE_PEER" -> LIVED_EXPERIENCE_PROFESSIONAL;
            case "LINE_MANAGEMENT" -> LINE_MANAGEMENT;
            case "CASE" -> CLINICAL_OR_CASE;
            case "GROUP", "REFLECTIVE_PRACTICE" -> GROUP;
            default -> throw new IllegalArgumentException("Unknown supervision requirement " + requirement);
        };
    }
}
