package uk.org.lxp.demo;

import java.util.List;
import java.util.Map;

/**
 * What a load did. A second load of the same data set reports everything unchanged.
 *
 * @param openFindingsByRule parity findings not resolved after the final evaluation, by rule name
 * @param storiesNotShown the data set's stories whose finding pay-equity-service had not raised when the wait ended
 */
public record DemoSummary(Count organisations, Count roleProfiles, Count progressionRoutes, Count posts,
        Count payRecords, Count comparatorRecords, Count systemPayStandards, Count fundingApplicationSteps,
        Count supervisors, Count supervisionAgreements,
        Count sessionOutcomes, Map<String, Integer> openFindingsByRule, List<String> storiesNotShown) {

    public DemoSummary {
        openFindingsByRule = Map.copyOf(openFindingsByRule);
        storiesNotShown = List.copyOf(storiesNotShown);
    }

    /**
     * How many items the data set holds and how many of them this load created or changed (for organisations:
     * registered or updated). An item can count as both: a post created and then closed within one load.
     */
    public record Count(int total, int created, int changed) {

        @Override
        public String toString() {
            return total + " (" + created + " created, " + changed + " changed)";
        }
    }
}
