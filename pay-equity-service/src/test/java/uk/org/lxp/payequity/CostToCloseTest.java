package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.lxp.payequity.CostToClose.Gap;
import uk.org.lxp.payequity.CostToClose.Move;
import uk.org.lxp.payequity.CostToClose.Outcome;
import uk.org.lxp.payequity.CostToClose.Position;
import uk.org.lxp.payequity.CostToClose.Scale;
import uk.org.lxp.payequity.CostToClose.Spending;
import uk.org.lxp.payequity.CostToClose.Supplement;
import uk.org.lxp.payequity.CostToClose.Target;

/** Figures from the 2026/27 scale and HCAS zones of the shipped reference data. */
class CostToCloseTest {

    private static final Scale SCALE_2026 = new Scale(Map.of(
            AfcBand.BAND_3, amounts("25760", "27476"),
            AfcBand.BAND_4, amounts("28392", "31157"),
            AfcBand.BAND_5, amounts("32073", "34592", "39043")));
    private static final Supplement INNER_LONDON = new Supplement(new BigDecimal("20"), new BigDecimal("5794"),
            new BigDecimal("8746"));
    private static final BigDecimal QUARTER = new BigDecimal("25");

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private static Position salaried(String basic, String fte, AfcBand band, AfcBand target, Supplement zone) {
        return new Position(UUID.randomUUID(), "P-" + basic, "RGD", UUID.randomUUID(), "Peer Support Worker",
                "PEER_SUPPORT", "ENTRY", band, PayBasis.SALARIED, new BigDecimal(fte), new BigDecimal(basic), null, zone,
                target);
    }

    private static Position paidBy(PayBasis basis, String basicFullTime, String dayRate, String fte, AfcBand band,
            AfcBand target) {
        return new Position(UUID.randomUUID(), "S-1", "RGD", UUID.randomUUID(), "Peer Trainer", "TRAINING", "ENTRY", band,
                basis, new BigDecimal(fte), new BigDecimal(basicFullTime), dayRate == null ? null : new BigDecimal(dayRate),
                null, target);
    }

    private static Gap gapOf(Position post, Target target, Move move) {
        return CostToClose.gap(post, target, move, SCALE_2026, QUARTER).orElseThrow();
    }

    @Test
    void aSalariedPostMovesToTheEntryPointOfItsTargetBandAtItsFteWithOnCosts() {
        Gap gap = gapOf(salaried("27476", "0.80", AfcBand.BAND_3, AfcBand.BAND_4, null), Target.EVALUATED_BAND,
                Move.ENTRY_POINT);

        assertThat(gap.targetBasicFullTime()).isEqualByComparingTo("28392");
        assertThat(gap.riseFullTime()).isEqualByComparingTo("916.00");
        assertThat(gap.payRise()).isEqualByComparingTo("732.80");
        assertThat(gap.onCosts()).isEqualByComparingTo("183.20");
        assertThat(gap.annualCost()).isEqualByComparingTo("916.00");
        assertThat(gap.gapPercent()).isEqualByComparingTo("3.2");
    }

    @Test
    void theNextPointAboveCurrentPayGivesARiseWhereTheEntryPointWouldNot() {
        Position hourlyInBand5Range = paidBy(PayBasis.HOURLY, "33006.52", null, "1.00", AfcBand.BAND_4, AfcBand.BAND_5);

        assertThat(CostToClose.gap(hourlyInBand5Range, Target.SYSTEM_STANDARD, Move.ENTRY_POINT, SCALE_2026, QUARTER))
                .isEmpty();
        Gap next = gapOf(hourlyInBand5Range, Target.SYSTEM_STANDARD, Move.NEXT_POINT_ABOVE_CURRENT);
        assertThat(next.targetBasicFullTime()).isEqualByComparingTo("34592");
        assertThat(next.payRise()).isEqualByComparingTo("1585.48");
    }

    @Test
    void bothMovesAgreeForAPostBandedBelowTheTarget() {
        Position post = salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_5, null);

        assertThat(gapOf(post, Target.COMPARATOR_MEDIAN_BAND, Move.ENTRY_POINT).payRise()).isEqualByComparingTo("6313.00");
        assertThat(gapOf(post, Target.COMPARATOR_MEDIAN_BAND, Move.NEXT_POINT_ABOVE_CURRENT).payRise())
                .isEqualByComparingTo("6313.00");
    }

    @Test
    void theHcasMinimumCanAbsorbTheSupplementsShareOfARise() {
        Gap toBand4 = gapOf(salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_4, INNER_LONDON),
                Target.EVALUATED_BAND, Move.ENTRY_POINT);
        Gap toBand5 = gapOf(salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_5, INNER_LONDON),
                Target.EVALUATED_BAND, Move.ENTRY_POINT);

        // 20% of 25,760 and of 28,392 are both below the 5,794 minimum: the supplement stays 5,794.
        assertThat(toBand4.riseFullTime()).isEqualByComparingTo("2632.00");
        // 20% of 32,073 is 6,414.60, 620.60 above the minimum paid now.
        assertThat(toBand5.riseFullTime()).isEqualByComparingTo("6933.60");
    }

    @Test
    void aSessionalDayRateRisesToTheDayRateOfItsBandsEntryPoint() {
        Gap gap = gapOf(paidBy(PayBasis.SESSIONAL, "23464.35", "90.00", "0.50", AfcBand.BAND_3, AfcBand.BAND_3),
                Target.SESSIONAL_DAY_RATE_FLOOR, Move.ENTRY_POINT);

        assertThat(gap.targetDayRate()).isEqualByComparingTo("98.81");
        assertThat(gap.riseFullTime()).isEqualByComparingTo("2296.90");
        assertThat(gap.payRise()).isEqualByComparingTo("1148.45");
        assertThat(gap.onCosts()).isEqualByComparingTo("287.11");
        assertThat(gap.annualCost()).isEqualByComparingTo("1435.56");
    }

    @Test
    void anUnpaidPostCostsTheWholeEntryPointOfItsTarget() {
        assertThat(gapOf(paidBy(PayBasis.UNPAID, "0.00", null, "0.60", AfcBand.BAND_3, AfcBand.BAND_3),
                Target.SYSTEM_STANDARD, Move.ENTRY_POINT).payRise()).isEqualByComparingTo("15456.00");
    }

    @Test
    void postsThatMeetTheirTargetOrHaveNoneCostNothing() {
        List<Position> quiet = List.of(
                salaried("28392", "1.00", AfcBand.BAND_4, AfcBand.BAND_4, null),
                salaried("32073", "1.00", AfcBand.BAND_5, AfcBand.BAND_4, null),
                salaried("25760", "1.00", AfcBand.BAND_3, null, null),
                salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_9, null),
                paidBy(PayBasis.HOURLY, "20000.00", null, "1.00", AfcBand.BAND_3, AfcBand.BAND_3),
                paidBy(PayBasis.SESSIONAL, "25760.69", "98.81", "1.00", AfcBand.BAND_3, AfcBand.BAND_3));

        assertThat(CostToClose.gaps(quiet.subList(0, 4), Target.EVALUATED_BAND, Move.NEXT_POINT_ABOVE_CURRENT,
                SCALE_2026, QUARTER)).isEmpty();
        assertThat(CostToClose.gaps(quiet.subList(4, 6), Target.SESSIONAL_DAY_RATE_FLOOR, Move.ENTRY_POINT,
                SCALE_2026, QUARTER)).as("an hourly post is not sessional; a day rate at the floor meets it").isEmpty();
    }

    @Test
    void gapsComeDeepestFirst() {
        Position shallow = salaried("27476", "1.00", AfcBand.BAND_3, AfcBand.BAND_4, null);
        Position deep = salaried("25760", "0.20", AfcBand.BAND_3, AfcBand.BAND_5, null);

        assertThat(CostToClose.gaps(List.of(shallow, deep), Target.EVALUATED_BAND, Move.ENTRY_POINT, SCALE_2026, QUARTER))
                .extracting(gap -> gap.position().postId()).containsExactly(deep.postId(), shallow.postId());
    }

    private static List<Gap> threeGaps() {
        return CostToClose.gaps(List.of(
                salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_5, null),
                salaried("25760", "1.00", AfcBand.BAND_3, AfcBand.BAND_4, null),
                salaried("27476", "1.00", AfcBand.BAND_3, AfcBand.BAND_4, null)),
                Target.EVALUATED_BAND, Move.ENTRY_POINT, SCALE_2026, QUARTER);
    }

    @Test
    void aBudgetTooSmallForAnyPostLiftsNoneAndKeepsItsMoney() {
        Spending spending = CostToClose.spend(threeGaps(), new BigDecimal("1000.00"), null);

        assertThat(spending.count(Outcome.LIFTED)).isZero();
        assertThat(spending.count(Outcome.NOT_FUNDED)).isEqualTo(3);
        assertThat(spending.spent()).isEqualByComparingTo("0");
        assertThat(spending.left()).isEqualByComparingTo("1000.00");
        // 7,891.25 + 3,290.00 + 1,145.00
        assertThat(spending.residualGap()).isEqualByComparingTo("12326.25");
    }

    @Test
    void aBudgetGoesDeepestGapFirstAndPassesOverWhatItCannotAfford() {
        Spending spending = CostToClose.spend(threeGaps(), new BigDecimal("9500.00"), null);

        assertThat(spending.awards()).extracting(CostToClose.Award::outcome)
                .containsExactly(Outcome.LIFTED, Outcome.NOT_FUNDED, Outcome.LIFTED);
        assertThat(spending.spent()).isEqualByComparingTo("9036.25");
        assertThat(spending.left()).isEqualByComparingTo("463.75");
        assertThat(spending.residualGap()).isEqualByComparingTo("3290.00");
    }

    @Test
    void aCapPerPostRaisesDeepGapsPartWayAndSpreadsTheMoney() {
        Spending spending = CostToClose.spend(threeGaps(), new BigDecimal("9500.00"), new BigDecimal("3000.00"));

        assertThat(spending.awards()).extracting(CostToClose.Award::outcome)
                .containsExactly(Outcome.RAISED_PART_WAY, Outcome.RAISED_PART_WAY, Outcome.LIFTED);
        assertThat(spending.spent()).isEqualByComparingTo("7145.00");
        assertThat(spending.residualGap()).isEqualByComparingTo("5181.25");
        assertThatThrownBy(() -> CostToClose.spend(threeGaps(), new BigDecimal("-1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
