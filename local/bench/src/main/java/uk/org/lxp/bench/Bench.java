package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The command behind {@code ./lxp bench <benchmark>}: runs it and records the run in docs/performance.md. */
public final class Bench {

    private static final List<Benchmark> BENCHMARKS = List.of(new GatewayBenchmark(), new BenchmarksQueryBenchmark(),
            new EventsBenchmark(), new ImportBenchmark(), new SchedulingBenchmark(), new StartupBenchmark(), new LoadHeldBenchmark());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Bench() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("lxp.root", ".")).toAbsolutePath().normalize();
        Optional<Benchmark> chosen = args.length == 1
                ? BENCHMARKS.stream().filter(benchmark -> benchmark.name().equals(args[0])).findFirst()
                : Optional.empty();
        if (chosen.isEmpty()) {
            System.out.println(usage());
            System.exit(2);
        }
        try {
            run(root, chosen.get(), System.out);
        } catch (BenchException e) {
            System.err.println("lxp bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(Path root, Benchmark benchmark, PrintStream out) {
        Instant began = Instant.now();
        String machine = Machine.describe(root);
        Path work = root.resolve("local/bench/target/runs").resolve(benchmark.name());
        out.println(benchmark.title() + ": " + machine);
        String figures = benchmark.run(root, work, out);
        Duration took = Duration.between(began, Instant.now());
        String run = "## " + benchmark.title() + ", " + WHEN.format(began) + "\n\n"
                + "`./lxp bench " + benchmark.name() + "` (" + took.toMinutes() + " min " + took.toSecondsPart() + " s). "
                + "Machine: " + machine + ". Tools: " + Wrk.version(root) + ", " + Nginx.version(root) + ".\n\n"
                + figures;
        Path report = root.resolve("docs/performance.md");
        PerformanceReport.record(report, run);
        out.println();
        out.println(figures);
        out.println("Recorded in " + root.relativize(report) + ".");
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: ./lxp bench <benchmark>   (each records its run in docs/performance.md; all but events and scheduling start a stack of their own)");
        BENCHMARKS.forEach(benchmark -> text.append(String.format("%n  %-10s %s", benchmark.name(), benchmark.title())));
        return text.toString();
    }
}
