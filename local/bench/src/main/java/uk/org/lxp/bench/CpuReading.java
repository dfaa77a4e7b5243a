package uk.org.lxp.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU a stack's processes and the bench had used by a moment ({@code secondsByProcess}, each process with what it
 * started), how much of that their JIT compilers ({@code compilingSeconds}), and the moment ({@code atNanos},
 * {@link System#nanoTime}): two readings say how busy the machine's cores were between them, who kept them busy and how
 * much of that was compiling, as a stack just started does. Only what is running when read is counted (see
 * {@link CpuTime}), so a process or compiler thread that ends between two readings takes its time with it; on two cores
 * each JVM keeps its one compiler thread of each kind.
 */
record CpuReading(Map<String, Double> secondsByProcess, double compilingSeconds, long atNanos) {

    /** The bench's own process, apart from the stack it started. */
    static final String BENCH = "bench";

    CpuReading {
        secondsByProcess = Map.copyOf(secondsByProcess);
    }

    /** Every process of the stack by its component name, with what it started, and the bench itself. */
    static CpuReading of(Map<String, ProcessHandle> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, process) -> seconds.put(name, CpuTime.ofTree(process)));
        ProcessHandle bench = ProcessHandle.current();
        seconds.put(BENCH, CpuTime.of(bench));
        double compiling = CpuTime.compilingOf(bench) + processes.values().stream().mapToDouble(CpuTime::compilingOfTree).sum();
        return new CpuReading(seconds, compiling, System.nanoTime());
    }

    double seconds() {
        return secondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Of the machine's cores, the share used between {@code earlier} and this reading. */
    double shareSince(CpuReading earlier, int cores) {
        return (seconds() - earlier.seconds()) / cores / wallSecondsSince(earlier);
    }

    /** Of the machine's cores, the share the compilers used between {@code earlier} and this reading. */
    double compilingShareSince(CpuReading earlier, int cores) {
        return (compilingSeconds - earlier.compilingSeconds) / cores / wallSecondsSince(earlier);
    }

    /** "CPU 80% of the cores, compiling 15%" since {@code earlier}, for the bench's progress lines. */
    String describeSince(CpuReading earlier, int cores) {
        return String.format("CPU %.0f%% of the cores, compiling %.0f%%", 100 * shareSince(earlier, cores),
                100 * compilingShareSince(earlier, cores));
    }

    /** "80 | 15 |", the cells of a table's "CPU used" and "compiling" columns, each a percentage of the cores. */
    String cellsSince(CpuReading earlier, int cores) {
        return String.format("%.0f | %.0f |", 100 * shareSince(earlier, cores), 100 * compilingShareSince(earlier, cores));
    }

    /** The CPU each process used between {@code earlier} and this reading, in seconds. */
    Map<String, Double> secondsByProcessSince(CpuReading earlier) {
        Map<String, Double> used = new LinkedHashMap<>();
        secondsByProcess.forEach((name, seconds) -> used.put(name, seconds - earlier.secondsByProcess.getOrDefault(name, 0.0)));
        return used;
    }

    /** "roles-service 60 s, postgres 41 s, ...", the busiest first. */
    static String byProcess(Map<String, Double> seconds) {
        return seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format("%s %,.0f s", entry.getKey(), entry.getValue())).collect(Collectors.joining(", "));
    }

    double wallSecondsSince(CpuReading earlier) {
        return (atNanos - earlier.atNanos) / 1e9;
    }
}
