package uk.org.lxp.payequity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The band an ICB has agreed with its trusts for a role family and level, or for the roles its trusts' job evaluations
 * put at a band: the standard for pay according to role complexity across the system. Effective-dated; a later
 * standard for the same subject ends this one.
 */
@Entity
@Table(name = "system_pay_standard")
public class SystemPayStandard {

    /** What a standard is for: a role family and level, or the roles evaluated at a band (their lowest evidenced). */
    public record Subject(String family, String level, AfcBand evaluatedBand) {

        public Subject {
            boolean role = family != null && level != null && evaluatedBand == null;
            boolean weight = family == null && level == null && evaluatedBand != null;
            if (!role && !weight) {
                throw new IllegalArgumentException("a standard is for a family and level, or for an evaluated band");
            }
        }

        public static Subject role(String family, String level) {
            return new Subject(family, level, null);
        }

        public static Subject evaluatedAt(AfcBand band) {
            return new Subject(null, null, band);
        }

        public boolean isEvaluatedBand() {
            return evaluatedBand != null;
        }

        @Override
        public String toString() {
            return isEvaluatedBand() ? "roles evaluated at " + evaluatedBand : family + " / " + level;
        }
    }

    @Id
    private UUID id;

    @Column(name = "icb_ods_code", nullable = false)
    private String icbOdsCode;

    private String family;

    private String level;

    @Enumerated(EnumType.STRING)
    @Column(name = "evaluated_band")
    private AfcBand evaluatedBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AfcBand band;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected SystemPayStandard() {
    }

    public SystemPayStandard(String icbOdsCode, Subject subject, AfcBand band, LocalDate effectiveFrom, Instant now) {
        this.id = UUID.randomUUID();
        this.icbOdsCode = icbOdsCode;
        this.family = subject.family();
        this.level = subject.level();
        this.evaluatedBand = subject.evaluatedBand();
        this.band = band;
        this.effectiveFrom = effectiveFrom;
        this.createdAt = now;
    }

    /** Ends this standard the day before a later one for the same subject begins. */
    public void supersededFrom(LocalDate laterStart) {
        if (!laterStart.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("A later standard begins after " + effectiveFrom);
        }
        if (effectiveTo == null || !effectiveTo.isBefore(laterStart)) {
            effectiveTo = laterStart.minusDays(1);
        }
    }

    /** The standard as the parity rules and cost to close read it. */
    public ParityRules.Standard asRule() {
        return new ParityRules.Standard(icbOdsCode, family, level, evaluatedBand == null ? null : evaluatedBand.name(),
                band.name(), effectiveFrom);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public UUID id() {
        return id;
    }

    public String icbOdsCode() {
        return icbOdsCode;
    }

    public Subject subject() {
        return new Subject(family, level, evaluatedBand);
    }

    public String family() {
        return family;
    }

    public String level() {
        return level;
    }

    public AfcBand evaluatedBand() {
        return evaluatedBand;
    }

    public AfcBand band() {
        return band;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate effectiveTo() {
        return effectiveTo;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
