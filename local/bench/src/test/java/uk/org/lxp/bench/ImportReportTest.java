package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    private static final ImportBenchmark.Phase WARM_UP_POSTS = new ImportBenchmark.Phase(20_000, TimeUnit.SECONDS.toNanos(10), 0,
            reading(0, 0, 0), reading(19, 8, TimeUnit.SECONDS.toNanos(10)));
    private static final ImportBenchmark.Phase WARM_UP_PAY = new ImportBenchmark.Phase(20_000, TimeUnit.SECONDS.toNanos(4), 0,
            reading(19, 8, TimeUnit.SECONDS.toNanos(10)), reading(25, 10, TimeUnit.SECONDS.toNanos(14)));

    @Test
    void eachPhaseHasItsRateAndTheCpuItUsedAndTheImportsPostsAreJudged() {
        // Posts: 100,000 in 40 s of calls over a 50 s phase using 80 of its 100 core-seconds, 30 compiling.
        ImportBenchmark.Phase posts = new ImportBenchmark.Phase(100_000, TimeUnit.SECONDS.toNanos(40), 0,
                new CpuReading(Map.of("roles-service", 5.0, "postgres", 5.0), 5, 0),
                new CpuReading(Map.of("roles-service", 55.0, "postgres", 35.0), 35, TimeUnit.SECONDS.toNanos(50)));
        ImportBenchmark.Phase payRecords = new ImportBenchmark.Phase(100_000, TimeUnit.SECONDS.toNanos(10),
                TimeUnit.MILLISECONDS.toNanos(1_500), reading(90, 35, TimeUnit.SECONDS.toNanos(50)),
                reading(102, 36.2, TimeUnit.SECONDS.toNanos(70)));

        String report = ImportBenchmark.report(WARM_UP_POSTS, WARM_UP_PAY, new ImportBenchmark.QuietWait(7.2, true), posts, payRecords, 2);

        assertThat(report).contains("| posts, warming up | 20,000 | 10.0 | 2,000 | | 95 | 40 |");
        assertThat(report).contains("| pay records, warming up | 20,000 | 4.0 | 5,000 | 0.0 | 75 | 25 |");
        assertThat(report).contains("| posts | 100,000 | 40.0 | 2,500 | | 80 | 30 |");
        assertThat(report).contains("| pay records | 100,000 | 10.0 | 10,000 | 1.5 | 30 | 3 |");
        assertThat(report).contains("its consumers done with the warm-up's events: after 7 s.");
        assertThat(report).contains("CPU used during the import's posts phase (50 s), by process with what it started (the "
                + "bench's own process sends the batches): roles-service 50 s, postgres 30 s.");
        assertThat(report).contains("Target: >= 5,000 posts/s: 2,500 (not met).");
    }

    @Test
    void aFastEnoughImportMeetsTheTargetWhateverTheWarmUpDid() {
        CpuReading start = reading(0, 0, 0);
        CpuReading end = reading(10, 1, TimeUnit.SECONDS.toNanos(10));
        ImportBenchmark.Phase posts = new ImportBenchmark.Phase(100_000, TimeUnit.SECONDS.toNanos(19), 0, start, end);

        assertThat(ImportBenchmark.report(WARM_UP_POSTS, WARM_UP_PAY, new ImportBenchmark.QuietWait(120.4, false), posts, posts, 2))
                .contains("it was still busy after 120 s, so the import shared the cores with that work")
                .contains("Target: >= 5,000 posts/s: 5,263 (met).");
    }

    /** A reading of one process's CPU. */
    private static CpuReading reading(double seconds, double compilingSeconds, long atNanos) {
        return new CpuReading(Map.of("roles-service", seconds), compilingSeconds, atNanos);
    }
}
