package uk.org.lxp.api.scope;

/**
 * Figures across organisations (an ICB's members, the nation) are read by dashboards that poll them, and each reading
 * reads every member's posts, agreements or pay: half of the database's time under the mixed load of B7. So each
 * instance computes the answer to one question (scope, period or cohort, day, whether the caller sees small cohorts)
 * at most once every {@code lxp.figures.cross-organisation-max-age} (30 s; 0 computes every reading afresh) and
 * serves it, with when it was computed, until then. An organisation's own figures are always computed afresh: it is
 * who changes them and reads them straight after. The scope check is made before the cache is asked, on every call.
 */
public final class CrossOrganisationFigures {

    /**
     * The cache of the figures' answers in every service that serves such figures. Its keys are the cached method's
     * arguments only, so a service caches one method in it.
     */
    public static final String CACHE = "cross-organisation-figures";

    private CrossOrganisationFigures() {
    }
}
