package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.org.lxp.payequity.ComparatorPay.QuartileCount;

class ComparatorPayTest {

    @Test
    void meanAndMedianOfCountsAreThoseOfEveryPerson() {
        // 12, 12, 12, 14, 14, 20: mean 14, median between the 3rd and 4th person, 13.
        ComparatorPay pay = ComparatorPay.of(Map.of(rate("12"), 3L, rate("14"), 2L, rate("20"), 1L));

        assertThat(pay.headcount()).isEqualTo(6);
        assertThat(pay.mean()).isEqualByComparingTo("14");
        assertThat(pay.median()).isEqualByComparingTo("13");
        assertThat(ComparatorPay.of(Map.of(rate("12"), 3L, rate("14"), 2L)).median()).isEqualByComparingTo("12");
    }

    @Test
    void noOneHasNoMeanNoMedianAndOnlyTheLxpsQuartiles() {
        ComparatorPay nobody = ComparatorPay.of(Map.of(rate("12"), 0L));

        assertThat(nobody.headcount()).isZero();
        assertThat(nobody.mean()).isNull();
        assertThat(nobody.median()).isNull();
        assertThat(nobody.quartilesWith(List.of())).isEmpty();
        assertThat(nobody.quartilesWith(List.of(rate("10"), rate("11"))))
                .containsExactly(new QuartileCount(1, 1, 1), new QuartileCount(2, 1, 1));
    }

    @Test
    void quartilesAreCutAsNtileDoesWithTheFirstGroupsLarger() {
        // Four LXPs at 12.75 and one at 40, eight comparators at 14.06: 13 ranked as 4, 3, 3, 3.
        ComparatorPay pay = ComparatorPay.of(Map.of(rate("14.06"), 8L));

        assertThat(pay.quartilesWith(List.of(rate("12.75"), rate("12.75"), rate("12.75"), rate("12.75"), rate("40"))))
                .containsExactly(new QuartileCount(1, 4, 4), new QuartileCount(2, 0, 3), new QuartileCount(3, 0, 3),
                        new QuartileCount(4, 1, 3));
    }

    @Test
    void atTheSameRateComparatorsRankFirst() {
        ComparatorPay pay = ComparatorPay.of(Map.of(rate("12"), 2L));

        assertThat(pay.quartilesWith(List.of(rate("12.00"), rate("12"))))
                .containsExactly(new QuartileCount(1, 0, 1), new QuartileCount(2, 0, 1), new QuartileCount(3, 1, 1),
                        new QuartileCount(4, 1, 1));
    }

    @Test
    void countsGiveWhatRankingEveryPersonGives() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Map<BigDecimal, Long> counts = new LinkedHashMap<>();
            for (int rate = 0; rate < 1 + random.nextInt(6); rate++) {
                counts.merge(BigDecimal.valueOf(10 + random.nextInt(8)), (long) random.nextInt(9), Long::sum);
            }
            List<BigDecimal> lxp = new ArrayList<>();
            for (int person = 0; person < random.nextInt(7); person++) {
                lxp.add(BigDecimal.valueOf(10 + random.nextInt(8)));
            }
            ComparatorPay pay = ComparatorPay.of(counts);

            assertThat(pay.quartilesWith(lxp)).as("trial %d: %s with %s", trial, counts, lxp)
                    .isEqualTo(rankingEveryone(counts, lxp));
            List<BigDecimal> people = expand(counts);
            if (!people.isEmpty()) {
                assertThat(pay.median()).isEqualByComparingTo(Distribution.of(people).median());
            }
        }
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> ComparatorPay.of(Map.of(rate("12"), -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The plain way: list everyone, comparators before LXPs at the same rate, and deal them into ntile(4) groups. */
    private static List<QuartileCount> rankingEveryone(Map<BigDecimal, Long> counts, List<BigDecimal> lxp) {
        record Person(BigDecimal rate, boolean lxp) {
        }
        List<Person> everyone = new ArrayList<>();
        expand(counts).forEach(rate -> everyone.add(new Person(rate, false)));
        lxp.forEach(rate -> everyone.add(new Person(rate, true)));
        everyone.sort(Comparator.comparing(Person::rate).thenComparing(Person::lxp));
        int n = everyone.size();
        long[] lxpIn = new long[4];
        long[] allIn = new long[4];
        int rank = 0;
        for (int quartile = 0; quartile < 4; quartile++) {
            int size = n / 4 + (quartile < n % 4 ? 1 : 0);
            for (int i = 0; i < size; i++, rank++) {
                allIn[quartile]++;
                if (everyone.get(rank).lxp()) {
                    lxpIn[quartile]++;
                }
            }
        }
        List<QuartileCount> quartiles = new ArrayList<>();
        for (int quartile = 0; quartile < 4; quartile++) {
            if (allIn[quartile] > 0) {
                quartiles.add(new QuartileCount(quartile + 1, lxpIn[quartile], allIn[quartile]));
            }
        }
        return quartiles;
    }

    private static List<BigDecimal> expand(Map<BigDecimal, Long> counts) {
        List<BigDecimal> people = new ArrayList<>();
        counts.forEach((rate, count) -> {
            for (long i = 0; i < count; i++) {
                people.add(rate);
            }
        });
        return people;
    }

    private static BigDecimal rate(String text) {
        return new BigDecimal(text);
    }
}
