package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/** One benchmark of docs/performance.md, run by {@code ./lxp bench <name>}. */
interface Benchmark {

    /** The word after {@code ./lxp bench}. */
    String name();

    /** Its heading in docs/performance.md, e.g. "B1 Gateway". */
    String title();

    /** Measures, printing progress, and returns the run's figures as Markdown: how they were taken, tables, targets. */
    String run(Path root, Path work, PrintStream out);

    /** What follows a figure judged against its target in the report. */
    static String verdict(boolean met) {
        return met ? " (met)" : " (not met)";
    }
}
