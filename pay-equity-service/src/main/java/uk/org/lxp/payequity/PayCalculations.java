package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The pay arithmetic of Agenda for Change, in one place. Full time is 37.5 hours a week. */
public final class PayCalculations {

    public static final BigDecimal WEEKS_PER_YEAR = new BigDecimal("52.143");
    public static final BigDecimal FULL_TIME_WEEKLY_HOURS = new BigDecimal("37.5");
    /** A sessional day is a full-time day of 7.5 hours, so a full-time year has 52.143 x 5 of them. */
    public static final BigDecimal WORKING_DAYS_PER_YEAR = WEEKS_PER_YEAR.multiply(BigDecimal.valueOf(5));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PayCalculations() {
    }

    /** Hourly rate of a full-time annual salary, in pounds and pence: annual / 52.143 / 37.5. */
    public static BigDecimal hourlyRate(BigDecimal annualFullTime) {
        return annualFullTime
                .divide(WEEKS_PER_YEAR.multiply(FULL_TIME_WEEKLY_HOURS), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** What a full-time year at an hourly rate comes to: hourly x 37.5 x 52.143. */
    public static BigDecimal annualFromHourly(BigDecimal hourly) {
        return money(hourly.multiply(FULL_TIME_WEEKLY_HOURS).multiply(WEEKS_PER_YEAR));
    }

    /** What a full-time year at a sessional day rate comes to: day rate x 260.715 days. */
    public static BigDecimal annualFromDayRate(BigDecimal dayRate) {
        return money(dayRate.multiply(WORKING_DAYS_PER_YEAR));
    }

    /** The day rate a full-time annual salary is worth: annual / 260.715. */
    public static BigDecimal dayRate(BigDecimal annualFullTime) {
        return money(annualFullTime.divide(WORKING_DAYS_PER_YEAR, MathContext.DECIMAL64));
    }

    /** Pay actually earned at a part-time FTE: the full-time figure x FTE. */
    public static BigDecimal forFte(BigDecimal fullTime, BigDecimal fte) {
        return money(fullTime.multiply(fte));
    }

    /**
     * High Cost Area Supplement on a full-time basic salary: the zone's percentage, but never below its minimum or
     * above its maximum (Annex 9). Part-time staff get the same pro rata, via {@link #forFte}.
     */
    public static BigDecimal highCostAreaSupplement(BigDecimal basicFullTime, BigDecimal percent, BigDecimal minimum,
            BigDecimal maximum) {
        BigDecimal supplement = basicFullTime.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64);
        return money(supplement.max(minimum).min(maximum));
    }

    /** Unpaid work earns nothing; expenses are reimbursement, kept apart and never counted as pay. */
    public static BigDecimal unpaid() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
