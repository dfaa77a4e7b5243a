package uk.org.lxp.roles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NHS Job Evaluation Scheme as this deployment holds it: the points each level of each of the 16 factors scores,
 * and the job-weight range of each Agenda for Change band. A job's weight is the sum of its 16 factor scores; a factor
 * given as a range of levels (as national profiles give them) makes the weight a range, which may evidence more than
 * one band. Band 1 is closed to new starters and paid at Band 2, so a weight in its range evidences Band 2.
 */
public final class JobEvaluationScheme {

    public static final int FACTORS = 16;

    /** One factor's score at one level. */
    public record FactorLevel(int factor, String factorName, int level, int points) {

        /**
         * A line of the shipped factor-points file. Factor names hold commas ("Knowledge, training and experience")
         * and are not quoted: the factor is the first cell, the level and points the last two, the name between.
         */
        public static FactorLevel parse(String line) {
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            int secondLast = line.lastIndexOf(',', last - 1);
            return new FactorLevel(Integer.parseInt(line.substring(0, first).strip()),
                    line.substring(first + 1, secondLast).strip(),
                    Integer.parseInt(line.substring(secondLast + 1, last).strip()),
                    Integer.parseInt(line.substring(last + 1).strip()));
        }
    }

    /** The job-weight range of a band, by its Agenda for Change code (1 to 9, 8a to 8d). */
    public record BandRange(String band, int minScore, int maxScore) {
    }

    /** The levels a panel gave one factor: a single level, or a range as national profiles give. */
    public record FactorRating(int factor, int levelFrom, int levelTo) {
    }

    /** A job's weight (a range when some factor was given a range) and the bands it evidences. */
    public record JobWeight(int minimum, int maximum, List<PayBand> bands) {
    }

    private final Map<Integer, Map<Integer, Integer>> points = new TreeMap<>();
    private final List<BandRange> bands;

    public JobEvaluationScheme(List<FactorLevel> levels, List<BandRange> bands) {
        levels.forEach(level -> points.computeIfAbsent(level.factor(), f -> new TreeMap<>()).put(level.level(), level.points()));
        this.bands = bands.stream().sorted((a, b) -> Integer.compare(a.minScore(), b.minScore())).toList();
    }

    /**
     * The weight of a job rated on every one of the 16 factors, once each; a level a factor does not have, or a range
     * that runs backwards, is refused.
     */
    public JobWeight weigh(List<FactorRating> ratings) {
        Set<Integer> rated = new HashSet<>();
        int minimum = 0;
        int maximum = 0;
        for (FactorRating rating : ratings) {
            Map<Integer, Integer> levels = points.get(rating.factor());
            if (levels == null) {
                throw new IllegalArgumentException("Factor " + rating.factor() + " is not one of the scheme's " + FACTORS);
            }
            if (!rated.add(rating.factor())) {
                throw new IllegalArgumentException("Factor " + rating.factor() + " is rated twice");
            }
            if (rating.levelTo() < rating.levelFrom()) {
                throw new IllegalArgumentException("Factor " + rating.factor() + ": the range of levels runs backwards");
            }
            for (int level : List.of(rating.levelFrom(), rating.levelTo())) {
                if (!levels.containsKey(level)) {
                    throw new IllegalArgumentException("Factor " + rating.factor() + " has no level " + level
                            + "; its levels are " + levels.keySet());
                }
            }
            minimum += levels.get(rating.levelFrom());
            maximum += levels.get(rating.levelTo());
        }
        if (rated.size() != points.size()) {
            Set<Integer> missing = new HashSet<>(points.keySet());
            missing.removeAll(rated);
            throw new IllegalArgumentException("Every one of the " + FACTORS + " factors is rated; missing: "
                    + missing.stream().sorted().toList());
        }
        return new JobWeight(minimum, maximum, evidenced(minimum, maximum));
    }

    /** The bands whose job-weight range meets the weight's range, lowest first. */
    private List<PayBand> evidenced(int minimum, int maximum) {
        List<PayBand> evidenced = new ArrayList<>();
        for (BandRange range : bands) {
            if (range.minScore() <= maximum && range.maxScore() >= minimum) {
                PayBand band = "1".equals(range.band()) ? PayBand.BAND_2 : PayBand.fromCode(range.band());
                if (!evidenced.contains(band)) {
                    evidenced.add(band);
                }
            }
        }
        return List.copyOf(evidenced);
    }
}
