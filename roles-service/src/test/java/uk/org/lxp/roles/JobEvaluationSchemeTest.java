package uk.org.lxp.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.lxp.api.persistence.ReferenceCsv;
import uk.org.lxp.roles.JobEvaluationScheme.FactorRating;

/** Scoring against the shipped reference tables, as migration V12 loads them. */
class JobEvaluationSchemeTest {

    private static final JobEvaluationScheme SHIPPED = new JobEvaluationScheme(
            ReferenceCsv.lines("reference/nhs-job-evaluation-factor-points.csv", "factor,factor_name,level,points")
                    .stream().map(JobEvaluationScheme.FactorLevel::parse).toList(),
            ReferenceCsv.rows("reference/afc-band-job-weight-ranges.csv", "band,min_score,max_score").stream()
                    .map(cells -> new JobEvaluationScheme.BandRange(cells[0], Integer.parseInt(cells[1]),
                            Integer.parseInt(cells[2]))).toList());

    private static List<FactorRating> ratings(int[] from, int[] to) {
        List<FactorRating> ratings = new ArrayList<>();
        for (int factor = 1; factor <= JobEvaluationScheme.FACTORS; factor++) {
            ratings.add(new FactorRating(factor, from[factor - 1], to[factor - 1]));
        }
        return ratings;
    }

    @Test
    void readsFactorNamesThatHoldCommas() {
        assertThat(JobEvaluationScheme.FactorLevel.parse("2,Knowledge, training and experience,3,60"))
                .isEqualTo(new JobEvaluationScheme.FactorLevel(2, "Knowledge, training and experience", 3, 60));
    }

    @Test
    void aSingleLevelProfileWeighsTheSumOfItsFactorPointsAndEvidencesOneBand() {
        int[] levels = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 3, 1};

        // 32 + 88 + 27 + 15 + 15 + 15 + 12 + 5 + 5 + 9 + 12 + 5 + 12 + 3 + 18 + 3 = 276, in Band 4 (271-325)
        assertThat(SHIPPED.weigh(ratings(levels, levels)))
                .isEqualTo(new JobEvaluationScheme.JobWeight(276, 276, List.of(PayBand.BAND_4)));
    }

    @Test
    void aRangedProfileStraddlingTwoBandsEvidencesBoth() {
        int[] from = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 2, 3, 2, 3, 1};
        int[] to = {4, 5, 3, 3, 2, 4, 2, 1, 1, 2, 2, 2, 3, 3, 3, 1};

        // 287 (Band 4, 271-325) to 343 (Band 5, 326-395)
        assertThat(SHIPPED.weigh(ratings(from, to)))
                .isEqualTo(new JobEvaluationScheme.JobWeight(287, 343, List.of(PayBand.BAND_4, PayBand.BAND_5)));
    }

    @Test
    void aWeightInTheClosedBandOneEvidencesBandTwo() {
        int[] lowest = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

        assertThat(SHIPPED.weigh(ratings(lowest, lowest)).bands()).containsExactly(PayBand.BAND_2);
    }

    @Test
    void aLevelTheFactorDoesNotHaveIsRefused() {
        int[] levels = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 5, 1};

        assertThatThrownBy(() -> SHIPPED.weigh(ratings(levels, levels))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Factor 15 has no level 5; its levels are [1, 2, 3, 4]");
    }

    @Test
    void everyFactorIsRatedOnceWithARangeThatRunsForwards() {
        int[] levels = {4, 4, 3, 2, 2, 3, 2, 1, 1, 2, 2, 1, 3, 1, 3, 1};
        List<FactorRating> fifteen = new ArrayList<>(ratings(levels, levels).subList(0, 15));
        assertThatThrownBy(() -> SHIPPED.weigh(fifteen)).hasMessageContaining("missing: [16]");

        List<FactorRating> twice = new ArrayList<>(fifteen);
        twice.add(new FactorRating(1, 4, 4));
        assertThatThrownBy(() -> SHIPPED.weigh(twice)).hasMessage("Factor 1 is rated twice");

        List<FactorRating> backwards = new ArrayList<>(ratings(levels, levels));
        backwards.set(0, new FactorRating(1, 4, 3));
        assertThatThrownBy(() -> SHIPPED.weigh(backwards)).hasMessageContaining("runs backwards");
    }

    @Test
    void aProfileBandedBelowEveryBandItsEvaluationEvidencesSaysSo() {
        JobEvaluation straddling = new JobEvaluation(null, null, List.of(), new JobEvaluation.Panel(1, 1, 1),
                new JobEvaluationScheme.JobWeight(287, 343, List.of(PayBand.BAND_4, PayBand.BAND_5)), null);

        assertThat(straddling.evidencesAbove(PayBand.BAND_3)).isTrue();
        assertThat(straddling.evidencesAbove(PayBand.BAND_4)).isFalse();
        assertThat(straddling.evidencesAbove(PayBand.NON_AFC)).isFalse();
        assertThatThrownBy(() -> new JobEvaluation.Panel(2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
