package uk.org.lxp.payequity.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.payequity.SystemPayStandard;

@ApplicationScoped
public class SystemPayStandardRepository implements PanacheRepositoryBase<SystemPayStandard, UUID> {

    /**
     * Every standard of the ICB, in force on the day when {@code on} is given: by family, level and start, then those
     * by evaluated band.
     */
    public List<SystemPayStandard> ofIcb(String icb, LocalDate on) {
        List<SystemPayStandard> all = list("icbOdsCode",
                Sort.by("family").and("level").and("evaluatedBand").and("effectiveFrom"), icb);
        return on == null ? all : all.stream().filter(standard -> standard.inForceOn(on)).toList();
    }

    /** The ICB's standards for one subject, oldest first. */
    public List<SystemPayStandard> of(String icb, SystemPayStandard.Subject subject) {
        if (subject.isEvaluatedBand()) {
            return list("icbOdsCode = :icb and evaluatedBand = :band", Sort.by("effectiveFrom"),
                    Parameters.with("icb", icb).and("band", subject.evaluatedBand()));
        }
        return list("icbOdsCode = :icb and family = :family and level = :level", Sort.by("effectiveFrom"),
                Parameters.with("icb", icb).and("family", subject.family()).and("level", subject.level()));
    }

    public List<SystemPayStandard> inForceOn(LocalDate day) {
        return list("effectiveFrom <= :day and (effectiveTo is null or effectiveTo >= :day)", Parameters.with("day", day));
    }
}
