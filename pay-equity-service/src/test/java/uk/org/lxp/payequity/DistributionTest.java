package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void percentilesInterpolateBetweenRanksLikePercentileCont() {
        // 10, 20, ..., 100: position of p25 is 0.25 x 9 = 2.25, between 30 and 40.
        var amounts = IntStream.rangeClosed(1, 10).mapToObj(i -> BigDecimal.valueOf(i * 10L)).toList();
        Distribution d = Distribution.of(amounts);
        assertThat(d.count()).isEqualTo(10);
        assertThat(d.min()).isEqualByComparingTo("10");
        assertThat(d.p10()).isEqualByComparingTo("19");
        assertThat(d.p25()).isEqualByComparingTo("32.5");
        assertThat(d.median()).isEqualByComparingTo("55");
        assertThat(d.p90()).isEqualByComparingTo("91");
        assertThat(d.max()).isEqualByComparingTo("100");
        assertThat(d.mean()).isEqualByComparingTo("55");
    }

    @Test
    void oneValueIsEveryPercentileAndNoValuesIsNoStatistic() {
        Distribution single = Distribution.of(List.of(new BigDecimal("24937")));
        assertThat(single.p10()).isEqualByComparingTo("24937");
        assertThat(single.p90()).isEqualByComparingTo("24937");
        assertThat(Distribution.of(List.of()).median()).isNull();
    }

    @Test
    void gapIsMeasuredAgainstTheReference() {
        // Comparators at 15.00 an hour, LXPs at 12.75: LXPs are paid 15% less.
        assertThat(Distribution.gapPercent(new BigDecimal("15.00"), new BigDecimal("12.75"))).isEqualByComparingTo("15.0");
        assertThat(Distribution.gapPercent(new BigDecimal("12.00"), new BigDecimal("13.20"))).isEqualByComparingTo("-10.0");
        assertThat(Distribution.gapPercent(BigDecimal.ZERO, BigDecimal.ONE)).isNull();
    }
}
