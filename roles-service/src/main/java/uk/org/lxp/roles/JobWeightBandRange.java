package uk.org.lxp.roles;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The job-weight range of one Agenda for Change band; loaded from reference data. */
@Entity
@Table(name = "job_weight_band_range")
public class JobWeightBandRange {

    @Id
    private String band;

    @Column(name = "min_score", nullable = false)
    private int minScore;

    @Column(name = "max_score", nullable = false)
    private int maxScore;

    @Column(name = "corrected_at")
    private Instant correctedAt;

    protected JobWeightBandRange() {
    }

    /** A correction of the shipped range by lxp-admin. */
    public void correct(int newMinScore, int newMaxScore, Instant now) {
        if (newMinScore < 0 || newMaxScore < newMinScore) {
            throw new IllegalArgumentException("A band's range runs from a score of 0 or more up to one no lower");
        }
        this.minScore = newMinScore;
        this.maxScore = newMaxScore;
        this.correctedAt = now;
    }

    public JobEvaluationScheme.BandRange range() {
        return new JobEvaluationScheme.BandRange(band, minScore, maxScore);
    }

    public String band() {
        return band;
    }

    public Instant correctedAt() {
        return correctedAt;
    }
}
