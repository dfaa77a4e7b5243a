package uk.org.lxp.bench;

import java.util.Arrays;
import java.util.List;

/** Response times of one measured run, sorted, read as percentiles in milliseconds. */
record Latencies(long[] sortedNanos, long failures) {

    static Latencies of(long[] nanos, long failures) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted, failures);
    }

    /** The times of the requests answered as expected, and how many were not. */
    static Latencies answered(List<FixedRateLoad.Outcome> outcomes) {
        long[] answered = outcomes.stream().filter(outcome -> !outcome.failed())
                .mapToLong(FixedRateLoad.Outcome::latencyNanos).toArray();
        return of(answered, outcomes.size() - answered.length);
    }

    /** Several runs' requests as one distribution. */
    static Latencies merged(List<Latencies> runs) {
        long[] all = runs.stream().flatMapToLong(run -> Arrays.stream(run.sortedNanos())).toArray();
        return of(all, runs.stream().mapToLong(Latencies::failures).sum());
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile: the smallest time that at least {@code quantile} of the requests stayed within. */
    double percentileMillis(double quantile) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no requests were measured");
        }
        int rank = (int) Math.ceil(quantile * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1_000_000.0;
    }

    double maxMillis() {
        return percentileMillis(1.0);
    }
}
