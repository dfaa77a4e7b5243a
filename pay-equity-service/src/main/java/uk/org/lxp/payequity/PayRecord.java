package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What a post pays from a day on. {@code fteAnnualisedGbp} is what a full-time year on these terms comes to, so
 * that salaried, sessional, hourly and unpaid work can be compared on one scale.
 */
@Entity
@Table(name = "pay_record")
public class PayRecord {

    private static final BigDecimal MAX_DAY_RATE = new BigDecimal("2000");
    private static final BigDecimal MAX_HOURLY_RATE = new BigDecimal("500");
    private static final BigDecimal MAX_EXPENSES_PER_DAY = new BigDecimal("500");

    /** The terms the HR system reports; the rules of each basis are checked here. */
    public record Terms(PayBasis basis, AfcBand band, Integer point, BigDecimal fte, BigDecimal hourlyRate,
            BigDecimal dayRate, BigDecimal expensesPerDay, String hcasZone) {

        public Terms {
            if (basis == null) {
                throw new IllegalArgumentException("basis is required");
            }
            if (fte == null || fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("fte must be above 0 and at most 1");
            }
            fte = twoPlaces(fte, "fte");
            hourlyRate = twoPlaces(hourlyRate, "hourlyRate");
            dayRate = twoPlaces(dayRate, "dayRate");
            expensesPerDay = twoPlaces(expensesPerDay, "expensesPerDay");
            switch (basis) {
                case SALARIED -> {
                    require(band != null && point != null, "a salaried record needs its band and pay point");
                    require(hourlyRate == null && dayRate == null, "a salaried record has no hourly or day rate");
                }
                case SESSIONAL -> {
                    require(dayRate != null, "a sessional record needs its day rate");
                    require(inRange(dayRate, MAX_DAY_RATE), "dayRate must be above 0 and at most " + MAX_DAY_RATE);
                    require(point == null && hourlyRate == null, "a sessional record has no pay point or hourly rate");
                }
                case HOURLY -> {
                    require(hourlyRate != null, "an hourly record needs its hourly rate");
                    require(inRange(hourlyRate, MAX_HOURLY_RATE), "hourlyRate must be above 0 and at most " + MAX_HOURLY_RATE);
                    require(point == null && dayRate == null, "an hourly record has no pay point or day rate");
                }
                case UNPAID -> require(band == null && point == null && hourlyRate == null && dayRate == null,
                        "an unpaid record has no band, point or rate; report expenses as expensesPerDay");
                default -> throw new IllegalArgumentException("unknown basis " + basis);
            }
            require(hcasZone == null || basis == PayBasis.SALARIED, "High Cost Area Supplements apply to salaried records only");
            require(expensesPerDay == null || (expensesPerDay.signum() >= 0 && expensesPerDay.compareTo(MAX_EXPENSES_PER_DAY) <= 0),
                    "expensesPerDay must be 0 to " + MAX_EXPENSES_PER_DAY);
        }

        /**
         * Basic pay for a full-time year on these terms in a pay year whose scale is {@code annualOfPoint} (null for a
         * point the scale lacks): a salaried record at its band and point of that year, HCAS aside, other bases at
         * their rate annualised, unpaid at 0; empty when the scale lacks the point.
         */
        public Optional<BigDecimal> basicFullTime(BiFunction<AfcBand, Integer, BigDecimal> annualOfPoint) {
            return switch (basis) {
                case SALARIED -> Optional.ofNullable(annualOfPoint.apply(band, point));
                case SESSIONAL -> Optional.of(PayCalculations.annualFromDayRate(dayRate));
                case HOURLY -> Optional.of(PayCalculations.annualFromHourly(hourlyRate));
                case UNPAID -> Optional.of(PayCalculations.unpaid());
            };
        }

        private static BigDecimal twoPlaces(BigDecimal amount, String name) {
            if (amount == null) {
                return null;
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException(name + " has at most two decimal places");
            }
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }

        private static boolean inRange(BigDecimal amount, BigDecimal maximum) {
            return amount.signum() > 0 && amount.compareTo(maximum) <= 0;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    @Id
    private UUID id;

    @Column(name = "post_id", nullable = false)
    private UUID postId;

    @Column(name = "organisation_ods_code", nullable = false)
    private String organisationOdsCode;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayBasis basis;

    private String band;

    private Short point;

    @Column(nullable = false, precision = 4, scale = 2)
    private BigDecimal fte;

    @Column(name = "hourly_rate_gbp")
    private BigDecimal hourlyRate;

    @Column(name = "day_rate_gbp")
    private BigDecimal dayRate;

    @Column(name = "expenses_per_day_gbp")
    private BigDecimal expensesPerDay;

    @Column(name = "hcas_zone")
    private String hcasZone;

    @Column(name = "fte_annualised_gbp", nullable = false)
    private BigDecimal fteAnnualisedGbp;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PayRecord() {
    }

    public PayRecord(UUID postId, String organisationOdsCode, LocalDate effectiveFrom, Terms terms,
            BigDecimal fteAnnualised, Instant now) {
        this.id = UUID.randomUUID();
        this.postId = postId;
        this.organisationOdsCode = organisationOdsCode;
        this.effectiveFrom = effectiveFrom;
        this.createdAt = now;
        apply(terms, fteAnnualised, now);
    }

    /** Says whether the terms differed from those held. */
    public boolean update(Terms terms, BigDecimal fteAnnualised, Instant now) {
        if (terms.equals(terms()) && fteAnnualised.compareTo(fteAnnualisedGbp) == 0) {
            return false;
        }
        apply(terms, fteAnnualised, now);
        return true;
    }

    private void apply(Terms terms, BigDecimal fteAnnualised, Instant now) {
        basis = terms.basis();
        band = terms.band() == null ? null : terms.band().code();
        point = terms.point() == null ? null : terms.point().shortValue();
        fte = terms.fte();
        hourlyRate = terms.hourlyRate();
        dayRate = terms.dayRate();
        expensesPerDay = terms.expensesPerDay();
        hcasZone = terms.hcasZone();
        fteAnnualisedGbp = fteAnnualised;
        updatedAt = now;
    }

    public Terms terms() {
        return new Terms(basis, band == null ? null : AfcBand.fromCode(band), point == null ? null : point.intValue(),
                fte, hourlyRate, dayRate, expensesPerDay, hcasZone);
    }

    public UUID id() {
        return id;
    }

    public UUID postId() {
        return postId;
    }

    public String organisationOdsCode() {
        return organisationOdsCode;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public PayBasis basis() {
        return basis;
    }

    public BigDecimal fteAnnualisedGbp() {
        return fteAnnualisedGbp;
    }

    public int version() {
        return version;
    }
}
