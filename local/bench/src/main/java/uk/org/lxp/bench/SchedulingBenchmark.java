package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * B5: a year of supervision sessions for 20,000 agreements, planned by supervision-service's planner with the bank
 * holidays, both people's hours and leave, and clash checks. The measuring is supervision-service's own benchmark
 * test (the planner in one JVM, no database); this runs it three times and reports each run and the median.
 */
final class SchedulingBenchmark implements Benchmark {

    private static final int RUNS = 3;
    private static final double TARGET_SECONDS = 5;

    @Override
    public String name() {
        return "scheduling";
    }

    @Override
    public String title() {
        return "B5 Scheduling";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        List<Properties> runs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            runs.add(BenchmarkTestRun.run(root, work, "supervision-service", "SchedulingBenchmarkTest",
                    "scheduling.properties", "run-" + run, List.of(), out));
        }
        return report(runs);
    }

    static String report(List<Properties> runs) {
        Properties first = runs.get(0);
        StringBuilder text = new StringBuilder(String.format("""
                `SchedulingBenchmarkTest` (supervision-service, `-Pbenchmark`), run %d times by this command: the planner \
                alone, one thread, no database, planning twelve months for %,d agreements (4,000 supervisors with five \
                supervisees each, two weeks' leave each, a fifth part-time; weekly, fortnightly, four-weekly and monthly \
                cadences at random times; the shipped bank holidays; a 15-minute buffer). Each run checks every \
                occurrence is accounted for and no one's sessions overlap. Writing the sessions through the service \
                (a transaction and an event per agreement) is not measured here.

                | run | occurrences | as planned / moved / unscheduled | time (s) | allocated (MB) | retained (MB) |
                |---|---|---|---|---|---|
                """, runs.size(), (long) BenchmarkTestRun.number(first, "agreements")));
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < runs.size(); run++) {
            Properties figures = runs.get(run);
            seconds.add(BenchmarkTestRun.number(figures, "wall-seconds"));
            text.append(String.format("| %d | %,d | %,d / %,d / %,d | %.2f | %,d | %,d |%n", run + 1,
                    (long) BenchmarkTestRun.number(figures, "occurrences"), (long) BenchmarkTestRun.number(figures, "as-planned"),
                    (long) BenchmarkTestRun.number(figures, "moved"), (long) BenchmarkTestRun.number(figures, "unscheduled"),
                    seconds.get(run), (long) BenchmarkTestRun.number(figures, "allocated-mb"),
                    (long) BenchmarkTestRun.number(figures, "retained-mb")));
        }
        double median = seconds.stream().sorted().toList().get(seconds.size() / 2);
        text.append(String.format("%nTarget: 12 months for 20,000 agreements <= %.0f s: median %.2f s%s.%n", TARGET_SECONDS,
                median, Benchmark.verdict(median <= TARGET_SECONDS)));
        return text.toString();
    }
}
