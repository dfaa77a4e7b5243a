package uk.org.lxp.payequity;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A High Cost Area Supplement zone of one pay year. */
@Entity
@Table(name = "hcas_zone")
public class HcasZone {

    @Embeddable
    public record Key(@Column(name = "pay_year") String payYear, @Column(name = "zone") String zone) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "percent_of_basic", nullable = false)
    private BigDecimal percentOfBasic;

    @Column(name = "min_gbp", nullable = false)
    private BigDecimal minGbp;

    @Column(name = "max_gbp", nullable = false)
    private BigDecimal maxGbp;

    protected HcasZone() {
    }

    public String zone() {
        return key.zone();
    }

    /** The zone's terms, for costing a change of basic pay. */
    public CostToClose.Supplement terms() {
        return new CostToClose.Supplement(percentOfBasic, minGbp, maxGbp);
    }

    public BigDecimal supplementOn(BigDecimal basicFullTime) {
        return PayCalculations.highCostAreaSupplement(basicFullTime, percentOfBasic, minGbp, maxGbp);
    }
}
