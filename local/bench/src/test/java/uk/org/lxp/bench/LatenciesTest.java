package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentilesOfUnsortedTimes() {
        long[] millisecondsAsNanos = LongStream.rangeClosed(1, 100).map(ms -> (101 - ms) * 1_000_000).toArray();

        Latencies latencies = Latencies.of(millisecondsAsNanos, 3);

        assertThat(latencies.percentileMillis(0.5)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(0.99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.failures()).isEqualTo(3);
    }

    @Test
    void onlyRequestsAnsweredAsExpectedAreTimedAndTheRestCounted() {
        Latencies latencies = Latencies.answered(List.of(
                new FixedRateLoad.Outcome("GET", 0, 2_000_000, 200, null),
                new FixedRateLoad.Outcome("GET", 1, 1_000_000, 503, "503 /problems/service-unavailable"),
                new FixedRateLoad.Outcome("GET", 2, 10_000_000_000L, 0, "HttpTimeoutException")));

        assertThat(latencies.count()).isEqualTo(1);
        assertThat(latencies.failures()).isEqualTo(2);
        assertThat(latencies.maxMillis()).isEqualTo(2.0);
    }

    @Test
    void aSingleSlowRequestIsTheTopPercentileOfASmallRun() {
        Latencies latencies = Latencies.of(new long[] {1_000_000, 1_000_000, 1_000_000, 9_000_000}, 0);

        assertThat(latencies.percentileMillis(0.5)).isEqualTo(1.0);
        assertThat(latencies.percentileMillis(0.99)).isEqualTo(9.0);
    }

    @Test
    void interleavedRunsAreReadAsOneDistributionWithTheirFailuresAdded() {
        Latencies fast = Latencies.of(new long[] {1_000_000, 2_000_000}, 1);
        Latencies slow = Latencies.of(new long[] {4_000_000, 3_000_000}, 2);

        Latencies merged = Latencies.merged(List.of(fast, slow));

        assertThat(merged.count()).isEqualTo(4);
        assertThat(merged.percentileMillis(0.5)).isEqualTo(2.0);
        assertThat(merged.maxMillis()).isEqualTo(4.0);
        assertThat(merged.failures()).isEqualTo(3);
    }

    @Test
    void noMeasurementsHaveNoPercentile() {
        assertThatThrownBy(() -> Latencies.of(new long[0], 0).percentileMillis(0.5)).isInstanceOf(IllegalStateException.class);
    }
}
