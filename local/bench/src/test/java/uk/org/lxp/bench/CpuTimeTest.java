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

        double after = busyUntilCpuShows(bench, before + 0.1);

        assertThat(after).as("a busy loop's CPU time counted within 30 s").isGreaterThanOrEqualTo(before + 0.1);
        assertThat(CpuTime.ofTree(bench)).as("the process without children").isCloseTo(CpuTime.of(bench), within(A_FEW_TICKS));
    }

    @Test
    void theJitCompilersOfAJavaProcessAreCountedAndAProcessWithoutThemHasNone() throws Exception {
        ProcessHandle bench = ProcessHandle.current();
        // This thread busy for at least two tenths of a second of CPU, none of it compiling.
        busyUntilCpuShows(bench, CpuTime.of(bench) + 0.2);

        double compiling = CpuTime.compilingOfTree(bench);

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

    /**
     * Keeps this thread busy until the process's CPU time reaches {@code cpuSeconds}, however the machine's other work
     * shares the cores, or for at most 30 s; the reading that ended the loop.
     */
    private static double busyUntilCpuShows(ProcessHandle process, double cpuSeconds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        double reading = CpuTime.of(process);
        long spun = 0;
        while (reading < cpuSeconds && Instant.now().isBefore(deadline)) {
            for (int i = 0; i < 1_000_000; i++) {
                spun += Long.numberOfTrailingZeros(System.nanoTime() + i);
            }
            reading = CpuTime.of(process);
        }
        assertThat(spun).isPositive();
        return reading;
    }
}
