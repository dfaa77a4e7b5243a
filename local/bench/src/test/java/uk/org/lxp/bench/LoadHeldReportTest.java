package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadHeldReportTest {

    private static final long MB = 1024 * 1024;
    private static final String READ = "GET /api/v1/organisations/RGD";
    private static final Map<String, Double> CPU = Map.of("gateway", 120.0, "roles-service", 300.0, "bench", 60.0);
    private static final String WRITE = "POST /api/v1/posts/bulk (a post changed)";

    @Test
    void aSteadyRunMeetsEveryTarget() {
        String report = LoadHeldBenchmark.report(List.of(), steadyRun(), flatMinutes(), CPU, 2);

        assertThat(report).contains("| `" + READ + "` | 3,000 | 0 | 4.0 | 4.0 | 4.0 |");
        assertThat(report).contains("| `" + WRITE + "` | 3,000 | 0 | 12.0 | 12.0 | 12.0 |");
        assertThat(report).contains("| start | | | | | | | | 200 | 150 |");
        assertThat(report).as("CPU half the cores, a tenth of them compiling")
                .contains("| 10 | 600 | 0 | 4.0 | 12.0 | 12.0 | 50 | 10 | 200 | 150 |");
        assertThat(report).doesNotContain("| failed request |");
        assertThat(report).contains("of the machine's 2 cores x 600 s = 1,200 core-seconds (the bench's own process is the load "
                + "generator): roles-service 300 s, gateway 120 s, bench 60 s; 40% in all.");
        assertThat(report).contains("0 errors: 0 failed (met)");
        assertThat(report).contains("the worst minute 12.0 ms against a median minute of 12.0 ms, x 1.00 (met)");
        assertThat(report).contains("roles-service +0.0%, gateway +0.0% (met)");
    }

    @Test
    void failuresASlowMinuteAndGrowingMemoryAreEachCalledOut() {
        List<FixedRateLoad.Outcome> outcomes = new ArrayList<>(steadyRun());
        long minuteSeven = TimeUnit.MINUTES.toNanos(6);
        for (int i = 0; i < outcomes.size(); i++) {
            FixedRateLoad.Outcome outcome = outcomes.get(i);
            if (outcome.dueNanos() >= minuteSeven && outcome.dueNanos() < minuteSeven + TimeUnit.MINUTES.toNanos(1)) {
                outcomes.set(i, new FixedRateLoad.Outcome(outcome.kind(), outcome.dueNanos(), TimeUnit.MILLISECONDS.toNanos(40),
                        outcome.status(), null));
            }
        }
        outcomes.set(5, new FixedRateLoad.Outcome(WRITE, outcomes.get(5).dueNanos(), TimeUnit.MILLISECONDS.toNanos(3), 503,
                "503 https://lxp.nhs.uk/problems/service-unavailable"));
        List<LoadHeldBenchmark.MinuteSample> minutes = flatMinutes();
        minutes.set(10, sample(10, 230, 150));

        // 30 s of a busy warm-up step: 48 of the 60 core-seconds used, 24 of them compiling.
        List<LoadHeldBenchmark.WarmUpStep> warmUp = List.of(new LoadHeldBenchmark.WarmUpStep(
                List.of(new FixedRateLoad.Outcome(READ, 0, 1_000_000, 200, null),
                        new FixedRateLoad.Outcome(READ, 1_000_000, 10_000_000_000L, 0, "HttpTimeoutException")),
                reading(100, 10, 0), reading(148, 34, TimeUnit.SECONDS.toNanos(30))));

        String report = LoadHeldBenchmark.report(warmUp, outcomes, minutes, CPU, 2);

        assertThat(report).as("times are of the requests answered as expected; CPU 80% of the cores, 40% compiling")
                .contains("| 0 | 2 | 1 | 1.0 | 1.0 | 80 | 40 |\n");

        assertThat(report).contains("| `" + WRITE + "` | 503 https://lxp.nhs.uk/problems/service-unavailable | 1 |");
        assertThat(report).contains("0 errors: 1 failed (not met) (and 1 in the warm-up, which no target judges)");
        assertThat(report).contains("the worst minute 40.0 ms against a median minute of 12.0 ms, x 3.33 (not met)");
        assertThat(report).contains("roles-service +15.0%, gateway +0.0% (not met)");
    }

    @Test
    void aMinuteWithNoRequestAnsweredHasNoTimesAndIsNotStable() {
        List<FixedRateLoad.Outcome> outcomes = new ArrayList<>(steadyRun());
        long minuteThree = TimeUnit.MINUTES.toNanos(2);
        outcomes.replaceAll(outcome -> outcome.dueNanos() >= minuteThree && outcome.dueNanos() < minuteThree + TimeUnit.MINUTES.toNanos(1)
                ? new FixedRateLoad.Outcome(outcome.kind(), outcome.dueNanos(), 1_000_000, 503, "503 /problems/service-unavailable")
                : outcome);

        String report = LoadHeldBenchmark.report(List.of(), outcomes, flatMinutes(), CPU, 2);

        assertThat(report).contains("| 3 | 600 | 600 | - | - | - | 50 | 10 | 200 | 150 |");
        assertThat(report).contains("0 errors: 600 failed (not met)");
        assertThat(report).contains("a minute had no request answered (not met); memory flat");
    }

    @Test
    void theWarmUpSaysWhetherTheCompilersHadSettledAndAfterHowManyStepsAtTheRate() {
        List<LoadHeldBenchmark.WarmUpStep> settledAfterTwo = warmUp(0.20, 0.20, 0.20, 0.20, 0.20, 0.15, 0.10, 0.05, 0.02);
        List<LoadHeldBenchmark.WarmUpStep> neverSettled = warmUp(0.20, 0.20, 0.20, 0.20, 0.20, 0.15, 0.10, 0.09, 0.08, 0.07, 0.06,
                0.05, 0.04);

        assertThat(settledAfterTwo.get(7).compilingSettled(2)).isFalse();
        assertThat(settledAfterTwo.get(8).compilingSettled(2)).isTrue();
        assertThat(LoadHeldBenchmark.report(settledAfterTwo, steadyRun(), flatMinutes(), CPU, 2))
                .contains("| 300 | 9,000 | 0 | 4.0 | 4.0 | 60 | 2 |\n")
                .contains("The compilers had settled after 2 more steps at the rate.");
        assertThat(LoadHeldBenchmark.report(neverSettled, steadyRun(), flatMinutes(), CPU, 2))
                .contains("The compilers had not settled after 6 more steps at the rate");
    }

    @Test
    void aRunWithoutMemoryForEveryMinuteIsRefused() {
        List<LoadHeldBenchmark.MinuteSample> minutes = flatMinutes();
        minutes.remove(10);

        assertThatThrownBy(() -> LoadHeldBenchmark.report(List.of(), steadyRun(), minutes, CPU, 2)).isInstanceOf(BenchException.class)
                .hasMessageContaining("10 minutes");
    }

    /** 30 s steps at 300 requests/s of 4 ms reads, each using 60% of two cores and the given share compiling. */
    private static List<LoadHeldBenchmark.WarmUpStep> warmUp(double... compilingShares) {
        List<LoadHeldBenchmark.WarmUpStep> steps = new ArrayList<>();
        long stepNanos = TimeUnit.SECONDS.toNanos(30);
        for (int step = 0; step < compilingShares.length; step++) {
            List<FixedRateLoad.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 9_000; i++) {
                outcomes.add(new FixedRateLoad.Outcome(READ, i * stepNanos / 9_000, TimeUnit.MILLISECONDS.toNanos(4), 200, null));
            }
            steps.add(new LoadHeldBenchmark.WarmUpStep(outcomes, reading(0, 0, step * stepNanos),
                    reading(36, 60 * compilingShares[step], (step + 1) * stepNanos)));
        }
        return steps;
    }

    /** 10 requests a second for ten minutes, alternately a 4 ms read and a 12 ms write. */
    private static List<FixedRateLoad.Outcome> steadyRun() {
        List<FixedRateLoad.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            boolean read = i % 2 == 0;
            outcomes.add(new FixedRateLoad.Outcome(read ? READ : WRITE, i * TimeUnit.MILLISECONDS.toNanos(100),
                    TimeUnit.MILLISECONDS.toNanos(read ? 4 : 12), 200, null));
        }
        return outcomes;
    }

    /** The same memory at the start and end of each minute, with half of two cores used in each, a tenth compiling. */
    private static List<LoadHeldBenchmark.MinuteSample> flatMinutes() {
        List<LoadHeldBenchmark.MinuteSample> minutes = new ArrayList<>();
        for (int minute = 0; minute <= 10; minute++) {
            minutes.add(sample(minute, 200, 150));
        }
        return minutes;
    }

    private static LoadHeldBenchmark.MinuteSample sample(int minute, long rolesMegabytes, long gatewayMegabytes) {
        Map<String, Long> resident = new LinkedHashMap<>();
        resident.put("roles-service", rolesMegabytes * MB);
        resident.put("gateway", gatewayMegabytes * MB);
        return new LoadHeldBenchmark.MinuteSample(resident,
                reading(minute * 60.0, minute * 12.0, TimeUnit.MINUTES.toNanos(minute)));
    }

    /** A reading of one process's CPU. */
    private static CpuReading reading(double seconds, double compilingSeconds, long atNanos) {
        return new CpuReading(Map.of("roles-service", seconds), compilingSeconds, atNanos);
    }
}
