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
    private static final Map<String, Double> CPU = Map.of("gateway", 120.0, "roles-service", 300.0, "bench (load generator)", 60.0);
    private static final String WRITE = "POST /api/v1/posts/bulk (a post changed)";

    @Test
    void aSteadyRunMeetsEveryTarget() {
        String report = LoadHeldBenchmark.report(List.of(), steadyRun(), flatMemory(), CPU, 2);

        assertThat(report).contains("| `" + READ + "` | 3,000 | 0 | 4.0 | 4.0 | 4.0 |");
        assertThat(report).contains("| `" + WRITE + "` | 3,000 | 0 | 12.0 | 12.0 | 12.0 |");
        assertThat(report).contains("| start | | | | | | 200 | 150 |");
        assertThat(report).contains("| 10 | 600 | 0 | 4.0 | 12.0 | 12.0 | 200 | 150 |");
        assertThat(report).doesNotContain("| failed request |");
        assertThat(report).contains("of the machine's 2 cores x 600 s = 1,200 core-seconds: roles-service 300 s, gateway 120 s, "
                + "bench (load generator) 60 s; 40% in all.");
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
        List<LoadHeldBenchmark.MemorySample> memory = flatMemory();
        memory.set(10, sample(230, 150));

        List<List<FixedRateLoad.Outcome>> warmUp = List.of(List.of(new FixedRateLoad.Outcome(READ, 0, 1_000_000, 200, null),
                new FixedRateLoad.Outcome(READ, 1_000_000, 10_000_000_000L, 0, "HttpTimeoutException")));

        String report = LoadHeldBenchmark.report(warmUp, outcomes, memory, CPU, 2);

        assertThat(report).as("times are of the requests answered as expected").contains("| 0 | 2 | 1 | 1.0 | 1.0 |");

        assertThat(report).contains("| `" + WRITE + "` | 503 https://lxp.nhs.uk/problems/service-unavailable | 1 |");
        assertThat(report).contains("0 errors: 1 failed (not met)");
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

        String report = LoadHeldBenchmark.report(List.of(), outcomes, flatMemory(), CPU, 2);

        assertThat(report).contains("| 3 | 600 | 600 | - | - | - | 200 | 150 |");
        assertThat(report).contains("0 errors: 600 failed (not met)");
        assertThat(report).contains("a minute had no request answered (not met); memory flat");
    }

    @Test
    void aRunWithoutMemoryForEveryMinuteIsRefused() {
        List<LoadHeldBenchmark.MemorySample> memory = flatMemory();
        memory.remove(10);

        assertThatThrownBy(() -> LoadHeldBenchmark.report(List.of(), steadyRun(), memory, CPU, 2)).isInstanceOf(BenchException.class)
                .hasMessageContaining("10 minutes");
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

    private static List<LoadHeldBenchmark.MemorySample> flatMemory() {
        List<LoadHeldBenchmark.MemorySample> memory = new ArrayList<>();
        for (int sample = 0; sample <= 10; sample++) {
            memory.add(sample(200, 150));
        }
        return memory;
    }

    private static LoadHeldBenchmark.MemorySample sample(long rolesMegabytes, long gatewayMegabytes) {
        Map<String, Long> resident = new LinkedHashMap<>();
        resident.put("roles-service", rolesMegabytes * MB);
        resident.put("gateway", gatewayMegabytes * MB);
        return new LoadHeldBenchmark.MemorySample(resident);
    }
}
