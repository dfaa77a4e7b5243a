package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    @Test
    void aProcessesCpuTimeGrowsWithTheWorkItDoesAndItsTreeIncludesIt() {
        ProcessHandle bench = ProcessHandle.current();
        double before = CpuTime.of(bench);
        Instant until = Instant.now().plus(Duration.ofMillis(300));
        long spun = 0;
        while (Instant.now().isBefore(until)) {
            spun += Long.numberOfTrailingZeros(System.nanoTime());
        }

        assertThat(spun).isPositive();
        assertThat(CpuTime.of(bench)).as("300 ms of a busy loop").isGreaterThan(before + 0.1);
        assertThat(CpuTime.ofTree(bench)).isGreaterThanOrEqualTo(CpuTime.of(bench));
    }
}
