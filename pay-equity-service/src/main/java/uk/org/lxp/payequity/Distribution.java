package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/** Summary statistics of amounts; percentiles interpolate linearly between ranks, as PostgreSQL's percentile_cont. */
public record Distribution(int count, BigDecimal min, BigDecimal p10, BigDecimal p25, BigDecimal median,
        BigDecimal p75, BigDecimal p90, BigDecimal max, BigDecimal mean) {

    public static Distribution of(List<BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            return new Distribution(0, null, null, null, null, null, null, null, null);
        }
        BigDecimal[] sorted = amounts.toArray(BigDecimal[]::new);
        Arrays.sort(sorted);
        BigDecimal sum = Arrays.stream(sorted).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Distribution(sorted.length, money(sorted[0]), percentile(sorted, 10), percentile(sorted, 25),
                percentile(sorted, 50), percentile(sorted, 75), percentile(sorted, 90), money(sorted[sorted.length - 1]),
                money(sum.divide(BigDecimal.valueOf(sorted.length), MathContext.DECIMAL64)));
    }

    static BigDecimal percentile(BigDecimal[] sorted, int percent) {
        BigDecimal position = BigDecimal.valueOf(percent).multiply(BigDecimal.valueOf(sorted.length - 1L))
                .divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
        int lower = position.intValue();
        int upper = Math.min(lower + 1, sorted.length - 1);
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        return money(sorted[lower].add(sorted[upper].subtract(sorted[lower]).multiply(fraction)));
    }

    /** The gap of {@code lower} below {@code reference}, in percent of the reference (positive when lower is less). */
    public static BigDecimal gapPercent(BigDecimal reference, BigDecimal lower) {
        if (reference == null || lower == null || reference.signum() == 0) {
            return null;
        }
        return reference.subtract(lower).multiply(BigDecimal.valueOf(100))
                .divide(reference, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
