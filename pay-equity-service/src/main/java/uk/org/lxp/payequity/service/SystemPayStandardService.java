package uk.org.lxp.payequity.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;

/**
 * ICBs' pay standards. A standard for a family and level, or for an evaluated band, ends the one in force before it and is itself ended by one
 * that begins later; the parity rules run again, so member trusts' deviations show.
 */
@ApplicationScoped
public class SystemPayStandardService {

    private final SystemPayStandardRepository standards;
    private final ParityEvaluationTrigger parity;
    private final Audit audit;
    private final Clock clock;

    SystemPayStandardService(SystemPayStandardRepository standards, ParityEvaluationTrigger parity, Audit audit,
            Clock clock) {
        this.standards = standards;
        this.parity = parity;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SystemPayStandard record(String icb, SystemPayStandard.Subject subject, AfcBand band, LocalDate effectiveFrom) {
        SystemPayStandard standard = new SystemPayStandard(icb, subject, band, effectiveFrom, clock.instant());
        for (SystemPayStandard held : standards.of(icb, subject)) {
            if (held.effectiveFrom().equals(effectiveFrom)) {
                throw new Conflict("ICB " + icb + " already has a standard for " + subject + " from "
                        + effectiveFrom + "; record the next one from a later day");
            }
            if (held.effectiveFrom().isBefore(effectiveFrom)) {
                held.supersededFrom(effectiveFrom);
            } else {
                standard.supersededFrom(held.effectiveFrom());
            }
        }
        standards.persist(standard);
        audit.record("system-pay-standard.recorded", "system-pay-standard", standard.id().toString(),
                Map.of("icb", icb, "for", subject.toString(), "band", band, "effectiveFrom", effectiveFrom));
        parity.request();
        return standard;
    }
}
