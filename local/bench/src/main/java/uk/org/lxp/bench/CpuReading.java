package uk.org.lxp.bench;

import java.util.Map;

/**
 * The CPU a stack's processes and the bench had used by a moment ({@code seconds}), how much of that their JIT
 * compilers ({@code compilingSeconds}), and the moment ({@code atNanos}, {@link System#nanoTime}): two readings say how
 * busy the machine's cores were between them and how much of that was compiling, as a stack just started does.
 */
record CpuReading(double seconds, double compilingSeconds, long atNanos) {

    /** Every process of the stack with what it started, and the bench itself. */
    static CpuReading of(Map<String, ProcessHandle> processes) {
        ProcessHandle bench = ProcessHandle.current();
        double seconds = CpuTime.of(bench) + processes.values().stream().mapToDouble(CpuTime::ofTree).sum();
        double compiling = CpuTime.compilingOf(bench) + processes.values().stream().mapToDouble(CpuTime::compilingOfTree).sum();
        return new CpuReading(seconds, compiling, System.nanoTime());
    }

    /** Of the machine's cores, the share used between {@code earlier} and this reading. */
    double shareSince(CpuReading earlier, int cores) {
        return (seconds - earlier.seconds) / cores / wallSecondsSince(earlier);
    }

    /** Of the machine's cores, the share the compilers used between {@code earlier} and this reading. */
    double compilingShareSince(CpuReading earlier, int cores) {
        return (compilingSeconds - earlier.compilingSeconds) / cores / wallSecondsSince(earlier);
    }

    private double wallSecondsSince(CpuReading earlier) {
        return (atNanos - earlier.atNanos) / 1e9;
    }
}
