package uk.org.lxp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/performance.md: a hand-written head (the targets and where they stand), then every run the bench recorded,
 * newest first, so the latest figures are on top and the history stays below them.
 */
final class PerformanceReport {

    static final String RUNS_MARKER = "<!-- ./lxp bench adds each run below this line, newest first -->";

    private PerformanceReport() {
    }

    static void record(Path file, String run) {
        try {
            String existing = Files.readString(file);
            int marker = existing.indexOf(RUNS_MARKER);
            if (marker < 0) {
                throw new BenchException(file + " has lost the line the bench writes below: " + RUNS_MARKER);
            }
            int afterMarker = marker + RUNS_MARKER.length();
            String earlierRuns = existing.substring(afterMarker).strip();
            Files.writeString(file, existing.substring(0, afterMarker) + "\n\n" + run.strip() + "\n"
                    + (earlierRuns.isEmpty() ? "" : "\n" + earlierRuns + "\n"));
        } catch (IOException e) {
            throw new BenchException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
