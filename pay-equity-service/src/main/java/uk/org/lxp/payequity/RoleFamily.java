package uk.org.lxp.payequity;

/**
 * The role families of the LXP role catalogue, which roles-service owns: what benchmarks filter by and system pay
 * standards are agreed for. Role events carry a family as text, so a family the catalogue adds later is still read;
 * it becomes a filter once it is listed here.
 */
public enum RoleFamily {
    PEER_SUPPORT,
    LIVED_EXPERIENCE_RESEARCH,
    LIVED_EXPERIENCE_EDUCATION_AND_TRAINING,
    LIVED_EXPERIENCE_CONSULTANCY,
    EXPERT_BY_EXPERIENCE_AND_COPRODUCTION,
    LIVED_EXPERIENCE_LEADERSHIP
}
