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
 * The band an ICB has agreed with its trusts for a role family and level: the standard for pay according to role
 * complexity across the system. Effective-dated; a later standard for the same family and level ends this one.
 */
@Entity
@Table(name = "system_pay_standard")
public class SystemPayStandard {

    @Id
    private UUID id;

    @Column(name = "icb_ods_code", nullable = false)
    private String icbOdsCode;

    @Column(nullable = false)
    private String family;

    @Column(nullable = false)
    private String level;

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

    public SystemPayStandard(String icbOdsCode, String family, String level, AfcBand band, LocalDate effectiveFrom,
            Instant now) {
        this.id = UUID.randomUUID();
        this.icbOdsCode = icbOdsCode;
        this.family = family;
        this.level = level;
        this.band = band;
        this.effectiveFrom = effectiveFrom;
        this.createdAt = now;
    }

    /** Ends this standard the day before a later one for the same family and level begins. */
    public void supersededFrom(LocalDate laterStart) {
        if (!laterStart.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("A later standard begins after " + effectiveFrom);
        }
        if (effectiveTo == null || !effectiveTo.isBefore(laterStart)) {
            effectiveTo = laterStart.minusDays(1);
        }
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

    public String family() {
        return family;
    }

    public String level() {
        return level;
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
