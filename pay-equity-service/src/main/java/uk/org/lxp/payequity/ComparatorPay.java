package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A comparator staff group's hourly pay as how many people are paid each rate. Agenda for Change pays a few dozen
 * rates, so a national group of 150,000 people is a few dozen counts, and its mean, median and quartile composition
 * come from those counts exactly as they would from every row.
 */
public final class ComparatorPay {

    /** One pay quartile of LXPs and comparators ranked together: how many of each fall in it. */
    public record QuartileCount(int quartile, long lxp, long everyone) {
    }

    private final NavigableMap<BigDecimal, Long> peopleByRate;
    private final long headcount;

    private ComparatorPay(NavigableMap<BigDecimal, Long> peopleByRate) {
        this.peopleByRate = Collections.unmodifiableNavigableMap(peopleByRate);
        this.headcount = peopleByRate.values().stream().mapToLong(Long::longValue).sum();
    }

    /** From how many people are paid each hourly rate; rates with no one are ignored. */
    public static ComparatorPay of(Map<BigDecimal, Long> peopleByRate) {
        NavigableMap<BigDecimal, Long> counts = new TreeMap<>();
        peopleByRate.forEach((rate, people) -> {
            if (people < 0) {
                throw new IllegalArgumentException("A count of people cannot be negative: " + people + " at " + rate);
            }
            if (people > 0) {
                counts.merge(rate, people, Long::sum);
            }
        });
        return new ComparatorPay(counts);
    }

    public long headcount() {
        return headcount;
    }

    /** The mean hourly rate, or null for no one. */
    public BigDecimal mean() {
        if (headcount == 0) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, Long> rate : peopleByRate.entrySet()) {
            total = total.add(rate.getKey().multiply(BigDecimal.valueOf(rate.getValue())));
        }
        return total.divide(BigDecimal.valueOf(headcount), MathContext.DECIMAL64);
    }

    /** The median, interpolated between the two middle people as PostgreSQL's percentile_cont(0.5); null for no one. */
    public BigDecimal median() {
        if (headcount == 0) {
            return null;
        }
        long lowerRank = (headcount - 1) / 2;
        BigDecimal lower = rateOfRank(lowerRank);
        if (headcount % 2 == 1) {
            return lower;
        }
        BigDecimal upper = rateOfRank(lowerRank + 1);
        return lower.add(upper).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }

    /**
     * LXPs' hourly rates ranked together with these comparators and cut into four groups as SQL's ntile(4) does (the
     * first groups one larger when the count does not divide by four). At the same rate comparators rank first, so the
     * answer does not depend on how a database happens to order ties.
     */
    public List<QuartileCount> quartilesWith(List<BigDecimal> lxpRates) {
        NavigableMap<BigDecimal, Long> lxpByRate = new TreeMap<>();
        lxpRates.forEach(rate -> lxpByRate.merge(rate, 1L, Long::sum));
        long everyone = headcount + lxpRates.size();
        if (everyone == 0) {
            return List.of();
        }
        long[] lxp = new long[4];
        long[] all = new long[4];
        long position = 0;
        NavigableSet<BigDecimal> rates = new TreeSet<>(peopleByRate.keySet());
        rates.addAll(lxpByRate.keySet());
        for (BigDecimal rate : rates) {
            long comparators = peopleByRate.getOrDefault(rate, 0L);
            position = place(position, comparators, everyone, all, null);
            position = place(position, lxpByRate.getOrDefault(rate, 0L), everyone, all, lxp);
        }
        List<QuartileCount> quartiles = new ArrayList<>();
        for (int quartile = 0; quartile < 4; quartile++) {
            if (all[quartile] > 0) {
                quartiles.add(new QuartileCount(quartile + 1, lxp[quartile], all[quartile]));
            }
        }
        return quartiles;
    }

    /** Counts {@code people} ranked from {@code position} into the quartiles they fall in; returns the next position. */
    private static long place(long position, long people, long everyone, long[] all, long[] lxp) {
        long next = position;
        long left = people;
        while (left > 0) {
            int quartile = quartileOf(next, everyone);
            long inThisQuartile = Math.min(left, firstRankAfter(quartile, everyone) - next);
            all[quartile] += inThisQuartile;
            if (lxp != null) {
                lxp[quartile] += inThisQuartile;
            }
            next += inThisQuartile;
            left -= inThisQuartile;
        }
        return next;
    }

    /** ntile(4): groups of everyone / 4, the first everyone % 4 of them one larger. */
    private static int quartileOf(long rank, long everyone) {
        for (int quartile = 0; quartile < 4; quartile++) {
            if (rank < firstRankAfter(quartile, everyone)) {
                return quartile;
            }
        }
        throw new IllegalArgumentException("Rank " + rank + " is beyond " + everyone + " people");
    }

    private static long firstRankAfter(int quartile, long everyone) {
        long size = everyone / 4;
        long larger = everyone % 4;
        return (quartile + 1) * size + Math.min(quartile + 1, larger);
    }

    private BigDecimal rateOfRank(long rank) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> rate : peopleByRate.entrySet()) {
            seen += rate.getValue();
            if (rank < seen) {
                return rate.getKey();
            }
        }
        throw new IllegalArgumentException("Rank " + rank + " is beyond " + headcount + " people");
    }
}
