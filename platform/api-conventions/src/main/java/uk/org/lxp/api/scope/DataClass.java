package uk.org.lxp.api.scope;

/**
 * The kinds of data whose reach the scope policy decides. Reference data (organisations, pay scales, published
 * role profiles) is open to every caller and needs no decision.
 */
public enum DataClass {
    /** What an organisation maintains for itself: its role profiles (drafts too) and their progression routes. */
    CATALOGUE,
    /** About identifiable posts or people: posts, pay records, supervisors, agreements, sessions. */
    PERSON_LEVEL,
    /** Figures over groups: benchmarks, comparator counts, findings, compliance figures; small cohorts suppressed. */
    AGGREGATE
}
