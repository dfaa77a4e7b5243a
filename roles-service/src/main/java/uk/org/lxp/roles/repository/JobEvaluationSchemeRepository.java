package uk.org.lxp.roles.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import uk.org.lxp.roles.JobEvaluationFactorLevel;
import uk.org.lxp.roles.JobEvaluationScheme;
import uk.org.lxp.roles.JobWeightBandRange;

/** The scheme's tables: factor levels and band ranges, as loaded and as lxp-admin corrected them. */
@ApplicationScoped
public class JobEvaluationSchemeRepository {

    private final EntityManager entities;

    JobEvaluationSchemeRepository(EntityManager entities) {
        this.entities = entities;
    }

    public JobEvaluationScheme scheme() {
        return new JobEvaluationScheme(factorLevels().stream().map(JobEvaluationFactorLevel::level).toList(),
                bandRanges().stream().map(JobWeightBandRange::range).toList());
    }

    public List<JobEvaluationFactorLevel> factorLevels() {
        return entities.createQuery("from JobEvaluationFactorLevel l order by l.key.factor, l.key.level",
                JobEvaluationFactorLevel.class).getResultList();
    }

    public List<JobWeightBandRange> bandRanges() {
        return entities.createQuery("from JobWeightBandRange b order by b.minScore", JobWeightBandRange.class)
                .getResultList();
    }

    public Optional<JobEvaluationFactorLevel> factorLevel(int factor, int level) {
        return Optional.ofNullable(entities.find(JobEvaluationFactorLevel.class, new JobEvaluationFactorLevel.Key(factor, level)));
    }

    public Optional<JobWeightBandRange> bandRange(String band) {
        return Optional.ofNullable(entities.find(JobWeightBandRange.class, band));
    }
}
