package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import uk.org.lxp.http.SuiteServices;
import uk.org.lxp.stack.Memory;
import uk.org.lxp.stack.StackSettings;

/**
 * B7: ten minutes of mixed reads and writes ({@link MixedWorkload}) at a fixed 300 requests/s through the gateway,
 * after a warm-up climbing to that rate: every failure counted, the latency of each minute, and each
 * application's resident memory at the end of each minute, and what the CPU did in each step and minute, compiling
 * (the JIT) counted apart.
 */
final class LoadHeldBenchmark implements Benchmark {

    static final int RATE = 300;
    /**
     * The warm-up climbs to the rate in steps of this long: at the full rate at once, a stack just started spends its
     * cores compiling (the JIT) and falls ten seconds behind before it has warmed up; with 20 s steps it still fell
     * behind from 200 requests/s and took the first five held minutes to catch up. The climb ends with a minute at the
     * rate, then goes on until the compilers settle ({@link #SETTLED_COMPILING_SHARE}).
     */
    static final Duration WARM_UP_STEP = Duration.ofSeconds(30);
    static final List<Integer> WARM_UP_RATES = List.of(50, 100, 150, 200, 250, RATE, RATE);
    /**
     * After the climb the warm-up goes on at the rate, a step at a time, until the JIT compilers of the stack's JVMs
     * and the bench's use at most this share of the cores in a step: on a quiet machine they were still at 15-17% in
     * the climb's minute at the rate and 8% in the held run's first minute, whose p99 was then x 2.36 the median
     * minute's, and at 0-3% in every later minute (2026-12-06 19:48 run). A share of all the cores, so looser on a
     * bigger machine than this two-core one.
     */
    static final double SETTLED_COMPILING_SHARE = 0.03;
    /** The most steps the warm-up adds waiting for the compilers to settle; the report says when they had not. */
    static final int MOST_SETTLING_STEPS = 6;
    static final Duration HELD = Duration.ofMinutes(10);
    /**
     * Answers that mean the bench itself asks wrongly (a bad request, token, role or path), which stop the run; load
     * can cause others, such as a conflict between two changes of one item, and those are counted as failures.
     */
    private static final Set<Integer> SETUP_MISTAKES = Set.of(400, 401, 403, 404, 405, 415);
    /** p99 is stable when no minute's exceeds the median minute's by more than this factor. */
    static final double STABLE_P99_FACTOR = 2.0;
    /** Memory is flat when no application's resident memory grows by more than this over the run's second half. */
    static final double FLAT_MEMORY_GROWTH = 0.05;

    /** One step of the warm-up: its requests' outcomes, and the CPU read as it began and as its last answer came. */
    record WarmUpStep(List<FixedRateLoad.Outcome> outcomes, CpuReading began, CpuReading ended) {

        /** Whether the compilers had settled in this step (at most {@link #SETTLED_COMPILING_SHARE} of the cores). */
        boolean compilingSettled(int cores) {
            return ended.compilingShareSince(began, cores) <= SETTLED_COMPILING_SHARE;
        }
    }

    /** Each application's resident memory at one moment of the held run, and the CPU used by then. */
    record MinuteSample(Map<String, Long> residentBytes, CpuReading cpu) {
    }

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String title() {
        return "B7 Load held";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        List<WarmUpStep> warmUp;
        List<FixedRateLoad.Outcome> held;
        List<MinuteSample> minutes;
        Map<String, Double> cpu;
        int cores = Runtime.getRuntime().availableProcessors();
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, out);
                CurrentTokens tokens = new CurrentTokens(stack, List.of(MixedWorkload.HR_CLIENT, MixedWorkload.ANALYST_CLIENT), out)) {
            StackSettings settings = stack.settings();
            String gateway = settings.url(StackSettings.Port.GATEWAY);
            ApiCalls hr = new ApiCalls(stack, gateway, MixedWorkload.HR_CLIENT);
            MixedWorkload workload = new MixedWorkload(gateway, tokens::of,
                    ImportDataSet.onPublishedProfiles(hr, MixedWorkload.ORGANISATION), LocalDate.now(ZoneId.of("Europe/London")));
            out.println("Sending the establishment the writes change: " + MixedWorkload.POSTS + " posts and their pay, "
                    + MixedWorkload.SUPERVISORS + " supervisors");
            workload.seed(hr);
            Map<String, ProcessHandle> processes = stack.processes();
            Map<String, ProcessHandle> applications = applications(settings, processes);
            FixedRateLoad load = new FixedRateLoad();
            warmUp = new ArrayList<>();
            for (int rate : WARM_UP_RATES) {
                warmUp.add(warmUpStep(load, workload, rate, processes, cores, out));
            }
            if (warmUp.get(warmUp.size() - 1).ended().compilingSeconds() == 0) {
                throw new BenchException("no JIT compiler thread was found in the stack's JVMs, so the run cannot tell when "
                        + "they have warmed up");
            }
            for (int settling = 0; settling < MOST_SETTLING_STEPS && !warmUp.get(warmUp.size() - 1).compilingSettled(cores); settling++) {
                warmUp.add(warmUpStep(load, workload, RATE, processes, cores, out));
            }
            out.println("Holding " + RATE + " requests/s for " + HELD.toMinutes() + " minutes");
            List<MinuteSample> samples = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "minute-sampler");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(() -> {
                samples.add(sample(applications, processes));
                if (samples.size() > 1) {
                    MinuteSample latest = samples.get(samples.size() - 1);
                    CpuReading previous = samples.get(samples.size() - 2).cpu();
                    out.printf("  minute %2d: %s; %s%n", samples.size() - 1,
                            latest.residentBytes().entrySet().stream()
                                    .map(entry -> entry.getKey() + " " + Memory.megabytes(entry.getValue()))
                                    .collect(Collectors.joining(", ")),
                            latest.cpu().describeSince(previous, cores));
                }
            }, 0, 1, TimeUnit.MINUTES);
            CpuReading heldBegan = CpuReading.of(processes);
            try {
                held = load.run(workload::callAt, RATE, HELD);
            } finally {
                stop(sampler);
            }
            cpu = CpuReading.of(processes).secondsByProcessSince(heldBegan);
            // The sampler may have been a little late or early for the last minute on a busy machine.
            if (samples.size() <= HELD.toMinutes()) {
                samples.add(sample(applications, processes));
            }
            minutes = List.copyOf(samples.subList(0, Math.min(samples.size(), (int) HELD.toMinutes() + 1)));
        }
        return report(warmUp, held, minutes, cpu, cores);
    }

    private static WarmUpStep warmUpStep(FixedRateLoad load, MixedWorkload workload, int rate, Map<String, ProcessHandle> processes,
            int cores, PrintStream out) {
        CpuReading began = CpuReading.of(processes);
        List<FixedRateLoad.Outcome> outcomes = load.run(workload::callAt, rate, WARM_UP_STEP);
        WarmUpStep step = new WarmUpStep(outcomes, began, CpuReading.of(processes));
        Latencies latencies = Latencies.answered(outcomes);
        out.printf("Warming up: %d s at %d requests/s: p50 %s ms, p99 %s ms, %d failed; %s%n", WARM_UP_STEP.toSeconds(), rate,
                millis(latencies, 0.5), millis(latencies, 0.99), latencies.failures(), step.ended().describeSince(began, cores));
        Map<String, Long> refused = failures(outcomes.stream().filter(outcome -> SETUP_MISTAKES.contains(outcome.status())).toList());
        if (!refused.isEmpty()) {
            throw new BenchException("requests were refused while warming up, so the run would not measure the suite: " + refused);
        }
        return step;
    }

    private static void stop(ScheduledExecutorService sampler) {
        sampler.shutdownNow();
        try {
            if (!sampler.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new BenchException("the minute sampler did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while stopping the minute sampler", e);
        }
    }

    /** The suite's applications (its services and the gateway) among the processes of the stack. */
    private static Map<String, ProcessHandle> applications(StackSettings settings, Map<String, ProcessHandle> processes) {
        Map<String, ProcessHandle> applications = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(settings.services().stream().map(SuiteServices.Service::name).toList());
        names.add("gateway");
        for (String name : names) {
            ProcessHandle process = processes.get(name);
            if (process == null) {
                throw new BenchException(name + " is not running in the bench's stack");
            }
            applications.put(name, process);
        }
        return applications;
    }

    private static MinuteSample sample(Map<String, ProcessHandle> applications, Map<String, ProcessHandle> processes) {
        Map<String, Long> resident = new LinkedHashMap<>();
        applications.forEach((name, process) -> resident.put(name, Memory.residentBytes(process)));
        return new MinuteSample(resident, CpuReading.of(processes));
    }

    /** How many requests failed, by kind and failure, e.g. "POST ... : 422 .../unknown-reference" -> 3. */
    static Map<String, Long> failures(List<FixedRateLoad.Outcome> outcomes) {
        return outcomes.stream().filter(FixedRateLoad.Outcome::failed)
                .collect(Collectors.groupingBy(outcome -> outcome.kind() + ": " + outcome.failure(), TreeMap::new,
                        Collectors.counting()));
    }

    /**
     * The run's figures: the warm-up's steps with the CPU used and compiling in each, then by kind of request, by
     * minute (with the CPU used and compiling in each and memory at the end of each; {@code samples} starts with the
     * one taken as the held run began), the failures, the CPU each process used during the held run
     * ({@code cpuSeconds}, on a machine of {@code cores}), and the three targets judged.
     */
    static String report(List<WarmUpStep> warmUp, List<FixedRateLoad.Outcome> held, List<MinuteSample> samples,
            Map<String, Double> cpuSeconds, int cores) {
        int minutes = (int) HELD.toMinutes();
        if (samples.size() != minutes + 1) {
            throw new BenchException("expected a sample at the start and after each of " + minutes + " minutes, got "
                    + samples.size() + " samples");
        }
        List<String> applications = List.copyOf(samples.get(0).residentBytes().keySet());
        StringBuilder text = new StringBuilder();
        text.append(String.format("""
                A fixed %d requests/s through the gateway for %d minutes (%,d requests, each timed from when it was due), \
                after a warm-up climbing to that rate in steps of %d s, the last %d s at the rate itself, then more steps at \
                the rate until the JIT compilers used at most %.0f%% of the cores in one (at most %d more): 70%% reads and 30%% writes as `%s` (its own \
                posts, pay records, supervisors and role profiles; the writes change an establishment of %d posts with \
                their pay and %d supervisors, one item a call, so the data read stays the same size) and `%s` (its \
                ICB's benchmarks and supervision figures). A request fails when it is not answered as expected within \
                10 s; the times are those of the requests answered as expected. Tokens are taken again every minute. Resident memory of each application (`/proc`, VmRSS) as the \
                run began and at the end of each minute. CPU: what every process of the stack and the bench used, as a \
                share of the machine's cores over each step or minute, and of it the JIT compilers' threads of every \
                JVM (`/proc/<pid>/task/<tid>/schedstat`).

                | warm-up rate (requests/s) | sent | failed | p50 (ms) | p99 (ms) | CPU used (%% of the cores) | compiling (%% of the cores) |
                |---|---|---|---|---|---|---|
                """, RATE, minutes, held.size(), WARM_UP_STEP.toSeconds(),
                WARM_UP_RATES.stream().filter(rate -> rate == RATE).count() * WARM_UP_STEP.toSeconds(),
                100 * SETTLED_COMPILING_SHARE, MOST_SETTLING_STEPS, MixedWorkload.HR_CLIENT,
                MixedWorkload.POSTS,
                MixedWorkload.SUPERVISORS, MixedWorkload.ANALYST_CLIENT));
        for (WarmUpStep step : warmUp) {
            Latencies latencies = Latencies.answered(step.outcomes());
            text.append(String.format("| %,.0f | %,d | %,d | %s | %s | %s%n", step.outcomes().size() / (double) WARM_UP_STEP.toSeconds(),
                    step.outcomes().size(), latencies.failures(), millis(latencies, 0.5), millis(latencies, 0.99),
                    step.ended().cellsSince(step.began(), cores)));
        }
        if (warmUp.size() >= WARM_UP_RATES.size()) {
            int settling = warmUp.size() - WARM_UP_RATES.size();
            text.append(warmUp.get(warmUp.size() - 1).compilingSettled(cores)
                    ? String.format("%nThe compilers had settled after %d more step%s at the rate.%n", settling, settling == 1 ? "" : "s")
                    : String.format("%nThe compilers had not settled after %d more steps at the rate: the held run began on a stack still "
                            + "compiling.%n", settling));
        }
        text.append('\n');

        text.append("| request | sent | failed | p50 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|---|\n");
        Map<String, List<FixedRateLoad.Outcome>> byKind = held.stream()
                .collect(Collectors.groupingBy(FixedRateLoad.Outcome::kind, TreeMap::new, Collectors.toList()));
        byKind.forEach((kind, outcomes) -> text.append("| `").append(kind).append("` | ").append(cells(Latencies.answered(outcomes))).append('\n'));
        Latencies all = Latencies.answered(held);
        text.append("| all | ").append(cells(all)).append("\n\n");

        text.append("| minute | sent | failed | p50 (ms) | p99 (ms) | max (ms) | CPU used (% of the cores) | compiling (% of the cores) |");
        applications.forEach(application -> text.append(' ').append(application).append(" (MB) |"));
        text.append("\n|---|---|---|---|---|---|---|---|").append("---|".repeat(applications.size())).append('\n');
        text.append("| start | | | | | | | |");
        applications.forEach(application -> text.append(' ').append(megabytes(samples.get(0), application)).append(" |"));
        text.append('\n');
        Map<Integer, List<FixedRateLoad.Outcome>> byMinute = held.stream()
                .collect(Collectors.groupingBy(outcome -> (int) (outcome.dueNanos() / TimeUnit.MINUTES.toNanos(1))));
        List<Double> minuteP99s = new ArrayList<>();
        for (int minute = 0; minute < minutes; minute++) {
            Latencies latencies = Latencies.answered(byMinute.getOrDefault(minute, List.of()));
            minuteP99s.add(p99Millis(latencies));
            MinuteSample atEnd = samples.get(minute + 1);
            text.append("| ").append(minute + 1).append(" | ").append(cells(latencies)).append(' ')
                    .append(atEnd.cpu().cellsSince(samples.get(minute).cpu(), cores));
            applications.forEach(application -> text.append(' ').append(megabytes(atEnd, application)).append(" |"));
            text.append('\n');
        }

        Map<String, Long> failures = failures(held);
        if (!failures.isEmpty()) {
            text.append("\n| failed request | how | count |\n|---|---|---|\n");
            failures.forEach((what, count) -> {
                int colon = what.lastIndexOf(": ");
                text.append(String.format("| `%s` | %s | %,d |%n", what.substring(0, colon), what.substring(colon + 2), count));
            });
        }

        double available = cores * HELD.toSeconds();
        text.append(String.format("%nCPU used during the held run, of the machine's %d cores x %d s = %,.0f core-seconds (the "
                + "bench's own process is the load generator): %s; %.0f%% in all.%n", cores, HELD.toSeconds(), available,
                CpuReading.byProcess(cpuSeconds), 100 * cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / available));

        List<Double> sortedP99s = new ArrayList<>(minuteP99s);
        Collections.sort(sortedP99s);
        double medianP99 = sortedP99s.get(sortedP99s.size() / 2);
        double worstP99 = sortedP99s.get(sortedP99s.size() - 1);
        MinuteSample halfway = samples.get(minutes / 2);
        MinuteSample end = samples.get(minutes);
        String growth = applications.stream()
                .map(application -> String.format("%s %+.1f%%", application, 100 * growth(halfway, end, application)))
                .collect(Collectors.joining(", "));
        double worstGrowth = applications.stream().mapToDouble(application -> growth(halfway, end, application)).max().orElseThrow();
        String stability = Double.isInfinite(worstP99)
                ? "a minute had no request answered"
                : String.format("the worst minute %.1f ms against a median minute of %.1f ms, x %.2f", worstP99, medianP99,
                        worstP99 / medianP99);
        text.append(String.format("""

                Targets: 0 errors: %,d failed%s (and %,d in the warm-up, which no target judges); p99 stable (no minute's above %.0f x the median minute's): %s%s; \
                memory flat (no application growing more than %.0f%% from minute %d to minute %d): %s%s.
                """, all.failures(), Benchmark.verdict(all.failures() == 0),
                warmUp.stream().flatMap(step -> step.outcomes().stream()).filter(FixedRateLoad.Outcome::failed).count(), STABLE_P99_FACTOR, stability,
                Benchmark.verdict(worstP99 <= STABLE_P99_FACTOR * medianP99), 100 * FLAT_MEMORY_GROWTH, minutes / 2, minutes,
                growth, Benchmark.verdict(worstGrowth <= FLAT_MEMORY_GROWTH)));
        return text.toString();
    }

    /** A percentile in milliseconds, or a dash when no request was answered. */
    private static String millis(Latencies latencies, double quantile) {
        return latencies.count() == 0 ? "-" : String.format("%.1f", latencies.percentileMillis(quantile));
    }

    /** The p99 in milliseconds; unbounded when no request was answered, which no target accepts. */
    private static double p99Millis(Latencies latencies) {
        return latencies.count() == 0 ? Double.POSITIVE_INFINITY : latencies.percentileMillis(0.99);
    }

    /** "sent | failed | p50 | p99 | max |" of a table row. */
    private static String cells(Latencies latencies) {
        return String.format("%,d | %,d | %s | %s | %s |", latencies.count() + latencies.failures(), latencies.failures(),
                millis(latencies, 0.5), millis(latencies, 0.99), millis(latencies, 1.0));
    }

    private static double growth(MinuteSample from, MinuteSample to, String application) {
        return (double) to.residentBytes().get(application) / from.residentBytes().get(application) - 1;
    }

    private static String megabytes(MinuteSample sample, String application) {
        return String.format("%,d", sample.residentBytes().get(application) / (1024 * 1024));
    }

}
