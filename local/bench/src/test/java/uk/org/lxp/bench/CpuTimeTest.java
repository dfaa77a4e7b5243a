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
        // Busy until a tenth of a second of CPU shows, however the machine's other work shares the cores.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long spun = 0;
        while (CpuTime.of(bench) < before + 0.1 && Instant.now().isBefore(deadline)) {
            for (int i = 0; i < 1_000_000; i++) {
                spun += Long.numberOfTrailingZeros(System.nanoTime() + i);
            }
        }

        assertThat(spun).isPositive();
        assertThat(CpuTime.of(bench)).as("a busy loop's CPU time counted").isGreaterThanOrEqualTo(before + 0.1);
        assertThat(CpuTime.ofTree(bench)).isGreaterThanOrEqualTo(CpuTime.of(bench));
    }
}
