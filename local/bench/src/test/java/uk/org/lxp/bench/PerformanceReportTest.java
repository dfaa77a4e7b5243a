package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceReportTest {

    @TempDir
    Path folder;

    @Test
    void theNewestRunGoesOnTopAndEveryEarlierRunStaysBelowIt() throws IOException {
        Path report = folder.resolve("performance.md");
        Files.writeString(report, "# Performance\n\nTargets, by hand.\n\n" + PerformanceReport.RUNS_MARKER + "\n");

        PerformanceReport.record(report, "## B1 Gateway, first\n\n| a |\n");
        PerformanceReport.record(report, "## B6 Start-up, second\n");

        assertThat(Files.readString(report)).isEqualTo("# Performance\n\nTargets, by hand.\n\n" + PerformanceReport.RUNS_MARKER
                + "\n\n## B6 Start-up, second\n\n## B1 Gateway, first\n\n| a |\n");
    }

    @Test
    void refusesAReportThatLostItsMarkerRatherThanWritingSomewhereElse() throws IOException {
        Path report = folder.resolve("performance.md");
        Files.writeString(report, "# Performance\n");

        assertThatThrownBy(() -> PerformanceReport.record(report, "## run\n")).hasMessageContaining(PerformanceReport.RUNS_MARKER);
        assertThat(Files.readString(report)).isEqualTo("# Performance\n");
    }
}
