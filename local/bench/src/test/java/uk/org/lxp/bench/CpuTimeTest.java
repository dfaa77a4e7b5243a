package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CpuTimeTest {

    /** The kernel counts CPU time in ticks of 10 ms; between two readings the JVM's other threads may add a few. */
    private static final double A_FEW_TICKS = 0.05;

    @Test
    void aProcessesCpuTimeGrowsWithTheWorkItDoesAndItsTreeIncludesIt() {
        ProcessHandle bench = ProcessHandle.current();
        double before = CpuTime.of(bench);
        // Busy until a tenth of a second of CPU shows, however the machine's other work shares the cores.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        double after = before;
        long spun = 0;
        while (after < before + 0.1 && Instant.now().isBefore(deadline)) {
            for (int i = 0; i < 1_000_000; i++) {
                spun += Long.numberOfTrailingZeros(System.nanoTime() + i);
            }
            after = CpuTime.of(bench);
        }

        assertThat(spun).isPositive();
        assertThat(after).as("a busy loop's CPU time counted within 30 s").isGreaterThanOrEqualTo(before + 0.1);
        assertThat(CpuTime.ofTree(bench)).as("the process without children").isCloseTo(CpuTime.of(bench), within(A_FEW_TICKS));
    }

    @Test
    void theJitCompilersOfAJavaProcessAreCountedAndAProcessWithoutThemHasNone() throws Exception {
        ProcessHandle bench = ProcessHandle.current();
        double before = CpuTime.of(bench);
        // This thread busy for at least two tenths of a second of CPU, none of it compiling.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long spun = 0;
        while (CpuTime.of(bench) < before + 0.2 && Instant.now().isBefore(deadline)) {
            for (int i = 0; i < 1_000_000; i++) {
                spun += Long.numberOfTrailingZeros(System.nanoTime() + i);
            }
        }

        double compiling = CpuTime.compilingOfTree(bench);

        assertThat(spun).isPositive();
        assertThat(compiling).as("a JVM running tests has compiled methods by now").isPositive();
        assertThat(compiling).as("the compilers' part of the process's CPU, not the busy thread's")
                .isLessThan(CpuTime.of(bench) - 0.2 + A_FEW_TICKS);

        Process sleeping = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(CpuTime.compilingOfTree(sleeping.toHandle())).isZero();
        } finally {
            sleeping.destroy();
        }
    }
}
