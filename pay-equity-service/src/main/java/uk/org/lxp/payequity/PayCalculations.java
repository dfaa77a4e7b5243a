package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The pay arithmetic of Agenda for Change, in one place. Full time is 37.5 hours a week. */
public final class PayCalculations {

    public static final BigDecimal WEEKS_PER_YEAR = new BigDecimal("52.143");
    public static final BigDecimal FULL_TIME_WEEKLY_HOURS = new BigDecimal("37.5");

    private PayCalculations() {
    }

    /** Hourly rate of a full-time annual salary, in pounds and pence: annual / 52.143 / 37.5. */
    public static BigDecimal hourlyRate(BigDecimal annualFullTime) {
        return annualFullTime
                .divide(WEEKS_PER_YEAR.multiply(FULL_TIME_WEEKLY_HOURS), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
