package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A panel's evaluation of a role profile against the NHS Job Evaluation Scheme: the level (or range of levels) of each
 * of the 16 factors, the resulting job weight and the bands it evidences, scored with the scheme as it stood when the
 * evaluation was recorded. The panel is described by its make-up only, never by who sat on it.
 */
public record JobEvaluation(UUID id, LocalDate evaluatedOn, List<JobEvaluationScheme.FactorRating> factors,
        Panel panel, JobEvaluationScheme.JobWeight weight, Instant recordedAt) {

    /** How many panel members came from each side, and how many of them have lived experience. */
    public record Panel(int management, int staffSide, int withLivedExperience) {

        public Panel {
            if (management < 1 || staffSide < 1) {
                throw new IllegalArgumentException("A job evaluation panel has members from both management and the staff side");
            }
            if (withLivedExperience < 0 || withLivedExperience > management + staffSide) {
                throw new IllegalArgumentException("Members with lived experience are some of the panel, not more");
            }
        }
    }

    /** Whether the profile's band is below every band its own evaluation evidences. */
    public boolean evidencesAbove(PayBand band) {
        return band.isAgendaForChange() && !weight.bands().isEmpty()
                && band.ordinal() < weight.bands().get(0).ordinal();
    }
}
