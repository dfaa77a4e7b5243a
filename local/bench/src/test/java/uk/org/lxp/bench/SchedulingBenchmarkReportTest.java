package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SchedulingBenchmarkReportTest {

    @Test
    void eachRunIsListedAndTheMedianIsJudged() {
        String report = SchedulingBenchmark.report(List.of(run("6.10"), run("3.20"), run("3.30")));

        assertThat(report).contains("| 1 | 496,605 | 315,223 / 158,087 / 23,295 | 6.10 | 2,877 | 146 |");
        assertThat(report).contains("median 3.30 s (met)");
        assertThat(SchedulingBenchmark.report(List.of(run("5.01"), run("7.00"), run("5.20")))).contains("median 5.20 s (not met)");
    }

    @Test
    void aRunWithoutItsTimeIsRefused() {
        Properties incomplete = run("3.20");
        incomplete.remove("wall-seconds");

        assertThatThrownBy(() -> SchedulingBenchmark.report(List.of(incomplete))).isInstanceOf(BenchException.class)
                .hasMessageContaining("wall-seconds");
    }

    private static Properties run(String seconds) {
        Properties figures = new Properties();
        figures.setProperty("agreements", "20000");
        figures.setProperty("occurrences", "496605");
        figures.setProperty("as-planned", "315223");
        figures.setProperty("moved", "158087");
        figures.setProperty("unscheduled", "23295");
        figures.setProperty("wall-seconds", seconds);
        figures.setProperty("allocated-mb", "2877");
        figures.setProperty("retained-mb", "146");
        return figures;
    }
}
