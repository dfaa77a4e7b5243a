package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class EventsBenchmarkTest {

    @Test
    void theThreeRunsStandSideBySideAndAreJudgedAgainstTheTargets() {
        String report = EventsBenchmark.report(figures("42.0", "6100", "5200"), figures("45.5", "3050", "2000"),
                figures("300.5", "1200", "1500"));

        assertThat(report).contains("| latency at 500 events/s: p50 / p90 / p99 / max (ms) | 10.0 / 20.0 / 42.0 / 60.0"
                + " | 10.0 / 20.0 / 45.5 / 60.0 | 10.0 / 20.0 / 300.5 / 60.0 |");
        assertThat(report).contains("p99 <= 50 ms at 500 events/s: 42.0 ms (met) (one at a time: 45.5 ms)");
        assertThat(report).contains("6,100 events/s end to end (met) (one at a time: 3,050, so x 2.00; one member with"
                + " a transaction per event: 1,500, so x 4.07)");
        assertThat(report).contains("at 20 and 500 events/s: p50 / p99 (ms) | 2.0 / 9.0 / 2.0 / 9.0 |");
        assertThat(report).contains("| effects applied more than once (1 and 10 per transaction) | 0 / 0 | 0 / 0 | 0 / 0 |");
    }

    @Test
    void targetsMissedAreSaidToBeMissed() {
        String report = EventsBenchmark.report(figures("51.0", "4999", "2000"), figures("60.0", "3000", "2000"),
                figures("90.0", "1000", "1000"));

        assertThat(report).contains("51.0 ms (not met)").contains("4,999 events/s end to end (not met)");
    }

    @Test
    void aRunThatWroteNoFigureIsRefusedRatherThanReportedAsZero() {
        Properties incomplete = figures("42.0", "6100", "5200");
        incomplete.remove("latency.500.p99");

        assertThatThrownBy(() -> EventsBenchmark.report(incomplete, figures("1", "1", "1"), figures("1", "1", "1")))
                .isInstanceOf(BenchException.class).hasMessageContaining("latency.500.p99");
    }

    private static Properties figures(String p99At500, String appliedOnePerWrite, String appliedTenPerWrite) {
        Properties figures = new Properties();
        for (String rate : new String[] {"20", "500"}) {
            figures.setProperty("latency." + rate + ".p50", "10.0");
            figures.setProperty("latency." + rate + ".p90", "20.0");
            figures.setProperty("latency." + rate + ".p99", rate.equals("500") ? p99At500 : "30.0");
            figures.setProperty("latency." + rate + ".max", "60.0");
            figures.setProperty("latency." + rate + ".relay-p50", "2.0");
            figures.setProperty("latency." + rate + ".relay-p99", "9.0");
        }
        for (String perTransaction : new String[] {"1", "10"}) {
            String key = "throughput." + perTransaction + "-per-transaction.";
            figures.setProperty(key + "committed-rate", "7000");
            figures.setProperty(key + "published-rate", "6900");
            figures.setProperty(key + "applied-rate", perTransaction.equals("1") ? appliedOnePerWrite : appliedTenPerWrite);
            figures.setProperty(key + "backlog-drain-rate", "8000");
            figures.setProperty(key + "applied-more-than-once", "0");
        }
        return figures;
    }
}
