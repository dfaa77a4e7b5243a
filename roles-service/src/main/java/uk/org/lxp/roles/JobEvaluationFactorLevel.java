package uk.org.lxp.roles;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The points one level of one factor of the NHS Job Evaluation Scheme scores; loaded from reference data. */
@Entity
@Table(name = "job_evaluation_factor_level")
public class JobEvaluationFactorLevel {

    @Embeddable
    public record Key(@Column(name = "factor") int factor, @Column(name = "level") int level) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "factor_name", nullable = false)
    private String factorName;

    @Column(nullable = false)
    private int points;

    @Column(name = "corrected_at")
    private Instant correctedAt;

    protected JobEvaluationFactorLevel() {
    }

    /** A correction of the shipped value by lxp-admin; evaluations already recorded keep the weight they were given. */
    public void correct(int newPoints, Instant now) {
        if (newPoints < 0 || newPoints > 1000) {
            throw new IllegalArgumentException("Points are 0 to 1000");
        }
        this.points = newPoints;
        this.correctedAt = now;
    }

    public JobEvaluationScheme.FactorLevel level() {
        return new JobEvaluationScheme.FactorLevel(key.factor(), factorName, key.level(), points);
    }

    public Instant correctedAt() {
        return correctedAt;
    }
}
