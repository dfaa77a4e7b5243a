package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One pay point of an Agenda for Change band in one pay year. */
@Entity
@Table(name = "pay_point")
public class PayPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pay_year", nullable = false)
    private String payYear;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(nullable = false)
    private String band;

    @Column(nullable = false)
    private short point;

    @Column(name = "annual_gbp", nullable = false)
    private BigDecimal annualGbp;

    @Column(name = "years_to_next_point")
    private Short yearsToNextPoint;

    protected PayPoint() {
    }

    public PayPoint(PayYear payYear, LocalDate effectiveFrom, AfcBand band, int point, BigDecimal annualGbp,
            Integer yearsToNextPoint) {
        this.payYear = payYear.toString();
        this.effectiveFrom = effectiveFrom;
        this.band = band.code();
        this.point = (short) point;
        this.annualGbp = annualGbp;
        this.yearsToNextPoint = yearsToNextPoint == null ? null : yearsToNextPoint.shortValue();
    }

    public PayYear payYear() {
        return PayYear.parse(payYear);
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public AfcBand band() {
        return AfcBand.fromCode(band);
    }

    public int point() {
        return point;
    }

    public BigDecimal annualGbp() {
        return annualGbp;
    }

    public Integer yearsToNextPoint() {
        return yearsToNextPoint == null ? null : yearsToNextPoint.intValue();
    }

    public BigDecimal hourlyRate() {
        return PayCalculations.hourlyRate(annualGbp);
    }
}
