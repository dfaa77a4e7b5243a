package uk.org.lxp.roles.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.roles.JobEvaluationFactorLevel;
import uk.org.lxp.roles.JobEvaluationScheme;
import uk.org.lxp.roles.JobWeightBandRange;
import uk.org.lxp.roles.repository.JobEvaluationSchemeRepository;

/**
 * Corrections of the shipped scheme by lxp-admin, audited. An evaluation already recorded keeps the weight it was
 * given; a profile evaluated again is scored with the corrected scheme.
 */
@ApplicationScoped
public class JobEvaluationSchemeService {

    private final JobEvaluationSchemeRepository scheme;
    private final Audit audit;
    private final Clock clock;

    JobEvaluationSchemeService(JobEvaluationSchemeRepository scheme, Audit audit, Clock clock) {
        this.scheme = scheme;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public JobEvaluationFactorLevel correctPoints(int factor, int level, int points) {
        JobEvaluationFactorLevel held = scheme.factorLevel(factor, level).orElseThrow(() ->
                new NotFound("Factor " + factor + " of the NHS Job Evaluation Scheme has no level " + level));
        try {
            held.correct(points, clock.instant());
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody("points", invalid.getMessage());
        }
        audit.record("job-evaluation-scheme.points-corrected", "job-evaluation-factor-level", factor + ":" + level,
                Map.of("points", points));
        return held;
    }

    /** A band's range may not overlap another band's: a weight evidences the bands whose ranges it meets. */
    @Transactional
    public JobWeightBandRange correctBand(String band, int minScore, int maxScore) {
        JobWeightBandRange held = scheme.bandRange(band).orElseThrow(() ->
                new NotFound("The scheme has no band " + band + "; its bands are 1 to 9 and 8a to 8d"));
        for (JobWeightBandRange other : scheme.bandRanges()) {
            JobEvaluationScheme.BandRange range = other.range();
            if (!other.band().equals(band) && range.minScore() <= maxScore && range.maxScore() >= minScore) {
                throw RuleBroken.at("minScore", "Band " + band + " at " + minScore + "-" + maxScore + " would overlap band "
                        + other.band() + " at " + range.minScore() + "-" + range.maxScore());
            }
        }
        try {
            held.correct(minScore, maxScore, clock.instant());
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody("maxScore", invalid.getMessage());
        }
        audit.record("job-evaluation-scheme.band-corrected", "job-weight-band-range", band,
                Map.of("minScore", minScore, "maxScore", maxScore));
        return held;
    }

    public List<JobEvaluationFactorLevel> factorLevels() {
        return scheme.factorLevels();
    }

    public List<JobWeightBandRange> bandRanges() {
        return scheme.bandRanges();
    }
}
