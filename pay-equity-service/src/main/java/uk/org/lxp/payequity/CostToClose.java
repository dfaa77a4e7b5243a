package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What it would cost each year to bring LXP posts up to a target: the rises, never a cut, that close every gap, or
 * how far a fixed budget goes when spent deepest gap first, as pay equity products simulate remediation. Pure
 * functions over one pay year's scale, so each rule can be shown to cost what it should.
 */
public final class CostToClose {

    /** What a post is brought up to. */
    @Schema(name = "CostToCloseTarget")
    public enum Target {
        /** The lowest band the role's own job evaluation evidences. */
        EVALUATED_BAND,
        /** The band the post's ICB has agreed for the role's family and level. */
        SYSTEM_STANDARD,
        /** The median band of the organisation's comparator staff group 07 (Additional Clinical Services). */
        COMPARATOR_MEDIAN_BAND,
        /** Sessional posts only: a day rate worth the entry point of the role's own band. */
        SESSIONAL_DAY_RATE_FLOOR
    }

    /** Where in the target band a post lands. */
    @Schema(name = "CostToCloseMove")
    public enum Move {
        /** The band's first point: the least that meets the target. */
        ENTRY_POINT,
        /** The band's lowest point above what the post pays now, so every post moved gains. */
        NEXT_POINT_ABOVE_CURRENT
    }

    /** How a post fared when a budget was spent. */
    @Schema(name = "CostToCloseOutcome")
    public enum Outcome { LIFTED, RAISED_PART_WAY, NOT_FUNDED }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<Gap> DEEPEST_FIRST = Comparator.comparing(Gap::gapPercent).reversed()
            .thenComparing(Comparator.comparing(Gap::annualCost).reversed())
            .thenComparing(gap -> gap.position().postId());


    /** One pay year's points of each band, lowest first. */
    public record Scale(Map<AfcBand, List<BigDecimal>> pointsByBand) {

        public Scale {
            pointsByBand = Map.copyOf(pointsByBand);
        }

        BigDecimal entry(AfcBand band) {
            return points(band).get(0);
        }

        /** The annual pay of a band's point (points count from 1); null for a point the band does not have. */
        public BigDecimal annualOf(AfcBand band, Integer point) {
            List<BigDecimal> points = points(band);
            return point == null || point < 1 || point > points.size() ? null : points.get(point - 1);
        }

        Optional<BigDecimal> lowestAbove(AfcBand band, BigDecimal pay) {
            return points(band).stream().filter(point -> point.compareTo(pay) > 0).findFirst();
        }

        boolean has(AfcBand band) {
            return pointsByBand.containsKey(band) && !pointsByBand.get(band).isEmpty();
        }

        private List<BigDecimal> points(AfcBand band) {
            return pointsByBand.getOrDefault(band, List.of());
        }
    }

    /** The terms of a High Cost Area Supplement zone: a percentage of basic pay within a cash minimum and maximum. */
    public record Supplement(BigDecimal percent, BigDecimal minimum, BigDecimal maximum) {

        BigDecimal on(BigDecimal basicFullTime) {
            return PayCalculations.highCostAreaSupplement(basicFullTime, percent, minimum, maximum);
        }
    }

    /**
     * A post as it is paid now: {@code basicFullTime} is its basic pay for a full-time year (a salaried post's point on
     * this year's scale, a day or hourly rate annualised, nothing when unpaid); {@code supplement} the HCAS zone of a
     * salaried post, else null; {@code band} the role's band, null outside Agenda for Change; {@code targetBand} the
     * band the target asks for, null when the target says nothing about this post.
     */
    public record Position(UUID postId, String postReference, String organisation, UUID roleProfileId, String title,
            String family, String level, AfcBand band, PayBasis basis, BigDecimal fte, BigDecimal basicFullTime,
            BigDecimal dayRate, Supplement supplement, AfcBand targetBand) {
    }

    /**
     * A post below its target and what moving it costs a year: {@code riseFullTime} is the rise of basic pay and HCAS
     * for a full-time year, {@code payRise} that rise at the post's FTE, {@code onCosts} the employer's on-costs on it.
     */
    public record Gap(Position position, BigDecimal targetBasicFullTime, BigDecimal targetDayRate,
            BigDecimal riseFullTime, BigDecimal payRise, BigDecimal onCosts, BigDecimal annualCost, BigDecimal gapPercent) {
    }

    public record Award(Gap gap, BigDecimal funded, Outcome outcome) {

        public BigDecimal unfunded() {
            return gap.annualCost().subtract(funded);
        }
    }

    /** A budget spent deepest gap first: what each post got, what was spent and left, and the gap that remains. */
    public record Spending(BigDecimal budget, BigDecimal capPerPost, List<Award> awards, BigDecimal spent, BigDecimal left,
            BigDecimal residualGap) {

        public long count(Outcome outcome) {
            return awards.stream().filter(award -> award.outcome() == outcome).count();
        }
    }

    private CostToClose() {
    }

    /** Every post below its target, deepest gap first (the largest share of target pay missing). */
    public static List<Gap> gaps(List<Position> positions, Target target, Move move, Scale scale,
            BigDecimal onCostsPercent) {
        return positions.stream()
                .map(position -> gap(position, target, move, scale, onCostsPercent))
                .flatMap(Optional::stream)
                .sorted(DEEPEST_FIRST)
                .toList();
    }

    /**
     * The gap of one post, empty when it meets its target. A post is below a band target when its role is banded below
     * the target band or it is paid less than the band's entry point; it moves to the entry point or to the band's
     * lowest point above its pay, as {@code move} says, and its HCAS moves with its basic pay. Under the sessional floor
     * a sessional post's day rate rises to the day rate of its own band's entry point.
     */
    public static Optional<Gap> gap(Position post, Target target, Move move, Scale scale, BigDecimal onCostsPercent) {
        if (post.targetBand() == null || !scale.has(post.targetBand())) {
            return Optional.empty();
        }
        if (target == Target.SESSIONAL_DAY_RATE_FLOOR) {
            return sessionalGap(post, scale, onCostsPercent);
        }
        BigDecimal entry = scale.entry(post.targetBand());
        boolean bandedBelow = post.band() != null && post.band().rank() < post.targetBand().rank();
        if (!bandedBelow && post.basicFullTime().compareTo(entry) >= 0) {
            return Optional.empty();
        }
        Optional<BigDecimal> targetPay = move == Move.ENTRY_POINT
                ? Optional.of(entry).filter(pay -> pay.compareTo(post.basicFullTime()) > 0)
                : scale.lowestAbove(post.targetBand(), post.basicFullTime());
        return targetPay.map(pay -> {
            BigDecimal rise = pay.subtract(post.basicFullTime());
            if (post.supplement() != null) {
                rise = rise.add(post.supplement().on(pay)).subtract(post.supplement().on(post.basicFullTime()));
            }
            return priced(post, pay, null, rise, percentMissing(post.basicFullTime(), pay), onCostsPercent);
        });
    }

    private static Optional<Gap> sessionalGap(Position post, Scale scale, BigDecimal onCostsPercent) {
        if (post.basis() != PayBasis.SESSIONAL || post.dayRate() == null) {
            return Optional.empty();
        }
        BigDecimal floor = PayCalculations.dayRate(scale.entry(post.targetBand()));
        if (post.dayRate().compareTo(floor) >= 0) {
            return Optional.empty();
        }
        BigDecimal rise = money(floor.subtract(post.dayRate()).multiply(PayCalculations.WORKING_DAYS_PER_YEAR));
        return Optional.of(priced(post, PayCalculations.annualFromDayRate(floor), floor, rise,
                percentMissing(post.dayRate(), floor), onCostsPercent));
    }

    private static Gap priced(Position post, BigDecimal targetBasic, BigDecimal targetDayRate, BigDecimal riseFullTime,
            BigDecimal gapPercent, BigDecimal onCostsPercent) {
        BigDecimal payRise = money(riseFullTime.multiply(post.fte()));
        BigDecimal onCosts = money(payRise.multiply(onCostsPercent).divide(HUNDRED, MathContext.DECIMAL64));
        return new Gap(post, targetBasic, targetDayRate, money(riseFullTime), payRise, onCosts, payRise.add(onCosts),
                gapPercent);
    }

    /**
     * Spends a budget on the gaps in the order given (deepest first): each post gets its whole cost, or the cap when
     * its cost is above the cap, if that fits in what is left; a post that does not fit is passed over and the next
     * considered, so the money goes as far as it can. Amounts are annual costs, on-costs included.
     */
    public static Spending spend(List<Gap> deepestFirst, BigDecimal budget, BigDecimal capPerPost) {
        if (budget.signum() < 0 || (capPerPost != null && capPerPost.signum() <= 0)) {
            throw new IllegalArgumentException("a budget is never negative and a cap per post is above zero");
        }
        BigDecimal left = budget;
        List<Award> awards = new ArrayList<>();
        for (Gap gap : deepestFirst) {
            BigDecimal wanted = capPerPost == null ? gap.annualCost() : gap.annualCost().min(capPerPost);
            if (wanted.compareTo(left) > 0) {
                awards.add(new Award(gap, BigDecimal.ZERO.setScale(2), Outcome.NOT_FUNDED));
                continue;
            }
            left = left.subtract(wanted);
            awards.add(new Award(gap, wanted,
                    wanted.compareTo(gap.annualCost()) == 0 ? Outcome.LIFTED : Outcome.RAISED_PART_WAY));
        }
        BigDecimal residual = awards.stream().map(Award::unfunded).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Spending(budget, capPerPost, awards, budget.subtract(left), left, residual);
    }

    private static BigDecimal percentMissing(BigDecimal paid, BigDecimal target) {
        return target.subtract(paid).multiply(HUNDRED).divide(target, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
