package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import uk.org.lxp.stack.StackSettings;

/**
 * B1: the same authenticated, database-backed reads sent straight to roles-service, through nginx in front of it and
 * through the gateway, interleaved in one run: saturation throughput with wrk, then latency at a fixed rate.
 */
final class GatewayBenchmark implements Benchmark {

    private static final List<String> PATHS = List.of("/api/v1/organisations/RGD", "/api/v1/role-profiles?owner=RGD");
    private static final String CLIENT = "hr-rgd";
    private static final int ROUNDS = 3;
    private static final int CONNECTIONS = 16;
    /** Long enough for the JIT to settle: with 6 s, the first measured round still ran at half speed. */
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration SATURATION = Duration.ofSeconds(12);
    /**
     * Latency at a fixed rate is measured on the light read only: the list's saturation point on two shared cores is
     * near 700/s, so 500/s of it measures the queue, not the hop.
     */
    private static final String FIXED_RATE_PATH = PATHS.get(0);
    private static final int FIXED_RATE = 500;
    /** The fixed rate must leave the service alone at least this much spare capacity for the latencies to be judged. */
    private static final double HEADROOM = 3.0;
    /** A straight p99 above this for a read that takes a millisecond or two means the machine, not the hop, was measured. */
    private static final int BUSY_MACHINE_P99_MILLIS = 50;
    private static final Duration FIXED_RATE_RUN = Duration.ofSeconds(10);

    /** Where the requests go, and the proxy's process on the way, if any. */
    private record Target(String name, String url, Optional<ProcessHandle> proxy) {
    }

    /** CPU seconds used so far by the service, its database (PostgreSQL with its backends) and a target's proxy. */
    private record CpuUsed(double service, double database, double proxy) {

        static CpuUsed now(ProcessHandle service, ProcessHandle database, Target target) {
            return new CpuUsed(CpuTime.ofTree(service), CpuTime.ofTree(database),
                    target.proxy().map(CpuTime::ofTree).orElse(0.0));
        }

        /** What each used since {@code before}, in microseconds per request answered. */
        CpuPerRequest perRequestSince(CpuUsed before, long requests) {
            double micros = 1e6 / Math.max(1, requests);
            return new CpuPerRequest((service - before.service) * micros, (database - before.database) * micros,
                    (proxy - before.proxy) * micros);
        }
    }

    private record CpuPerRequest(double service, double database, double proxy) {

        double all() {
            return service + database + proxy;
        }
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String title() {
        return "B1 Gateway";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        Map<String, List<WrkResult>> saturation = new LinkedHashMap<>();
        Map<String, List<CpuPerRequest>> cpu = new LinkedHashMap<>();
        Map<String, Latencies> fixedRate = new LinkedHashMap<>();
        List<Target> targets;
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, out);
                Nginx nginx = Nginx.start(work.resolve("nginx"), BenchStack.freePort(),
                        stack.settings().port(StackSettings.Port.of(stack.settings().services().get(0))))) {
            StackSettings settings = stack.settings();
            Map<String, ProcessHandle> processes = stack.processes();
            ProcessHandle service = process(processes, settings.services().get(0).name());
            ProcessHandle database = process(processes, "postgres");
            targets = List.of(new Target("straight", settings.url(settings.services().get(0)), Optional.empty()),
                    new Target("nginx", nginx.url(), Optional.of(nginx.process())),
                    new Target("gateway", settings.url(StackSettings.Port.GATEWAY), Optional.of(process(processes, "gateway"))));
            for (Target target : targets) {
                ApiCalls answersOk = new ApiCalls(stack, target.url(), CLIENT);
                PATHS.forEach(answersOk::get);
            }
            String warmUpToken = stack.token(CLIENT);
            out.println("Warming up: " + WARM_UP.toSeconds() + " s of wrk per request and path");
            for (String path : PATHS) {
                for (Target target : targets) {
                    Wrk.run(target.url() + path, warmUpToken, CONNECTIONS, WARM_UP, work);
                }
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (String path : PATHS) {
                    for (Target target : rotated(targets, round)) {
                        String token = stack.token(CLIENT);
                        CpuUsed before = CpuUsed.now(service, database, target);
                        WrkResult result = Wrk.run(target.url() + path, token, CONNECTIONS, SATURATION, work);
                        cpu.computeIfAbsent(key(path, target), k -> new ArrayList<>())
                                .add(CpuUsed.now(service, database, target).perRequestSince(before, result.requests()));
                        out.printf("  round %d %-8s %-36s %,9.0f req/s  p99 %6.2f ms  failed %d%n", round + 1, target.name(),
                                path, result.requestsPerSecond(), result.p99Millis(), result.failures());
                        saturation.computeIfAbsent(key(path, target), k -> new ArrayList<>()).add(result);
                    }
                }
            }
            FixedRateLoad load = new FixedRateLoad();
            Map<String, List<Latencies>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Target target : rotated(targets, round)) {
                    Latencies latencies = load.run(target.url() + FIXED_RATE_PATH, stack.token(CLIENT), FIXED_RATE, FIXED_RATE_RUN);
                    out.printf("  round %d %d/s %-8s %-36s p50 %.2f ms  p99 %.2f ms  failed %d%n", round + 1, FIXED_RATE,
                            target.name(), FIXED_RATE_PATH, latencies.percentileMillis(0.5), latencies.percentileMillis(0.99),
                            latencies.failures());
                    rounds.computeIfAbsent(target.name(), name -> new ArrayList<>()).add(latencies);
                }
            }
            rounds.forEach((name, measured) -> fixedRate.put(name, Latencies.merged(measured)));
        }
        return report(targets, saturation, cpu, fixedRate);
    }

    private static ProcessHandle process(Map<String, ProcessHandle> processes, String name) {
        ProcessHandle process = processes.get(name);
        if (process == null) {
            throw new BenchException(name + " is not running in the bench's stack");
        }
        return process;
    }

    private String report(List<Target> targets, Map<String, List<WrkResult>> saturation,
            Map<String, List<CpuPerRequest>> cpu, Map<String, Latencies> fixedRate) {
        StringBuilder text = new StringBuilder();
        text.append("roles-service answers straight, through nginx (a plain reverse proxy: upstream keep-alive, one worker per core, ")
                .append("no access log) and through the gateway (it checks the token's signature, issuer, audience and expiry, the ")
                .append("route's roles and the client's rate limit, raised for the run), with the same token (`").append(CLIENT)
                .append("`) and requests, interleaved, the order rotating each round; a run sends one token, so the gateway ")
                .append("and roles-service each verify it once and then let it in on their remembered verification, as they do ")
                .append("for an integration reusing its token. wrk and every process share the machine.\n\n");
        text.append("Saturation: wrk, ").append(Wrk.THREADS).append(" threads, ").append(CONNECTIONS).append(" connections, ")
                .append(SATURATION.toSeconds()).append(" s a run, ").append(ROUNDS).append(" rounds; the median round.\n\n");
        text.append("| request | straight (req/s) | nginx (req/s) | gateway (req/s) | nginx / straight | gateway / straight | gateway / nginx | failed requests |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        List<Double> gatewayToNginx = new ArrayList<>();
        for (String path : PATHS) {
            double straight = median(saturation.get(key(path, targets.get(0))));
            double nginx = median(saturation.get(key(path, targets.get(1))));
            double gateway = median(saturation.get(key(path, targets.get(2))));
            long failed = targets.stream().flatMap(target -> saturation.get(key(path, target)).stream())
                    .mapToLong(WrkResult::failures).sum();
            gatewayToNginx.add(gateway / nginx);
            text.append(String.format("| `GET %s` | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %d |%n", path, straight, nginx,
                    gateway, nginx / straight, gateway / straight, gateway / nginx, failed));
        }
        text.append("\nCPU per request answered during those runs (microseconds; each process with its children, from ")
                .append("`/proc`; the median of the rounds for each column): what the hop costs the machine, which the ")
                .append("proxy shares with the service, its database and wrk. A child that ends during a run takes its time ")
                .append("with it (the services keep their database connections open), and PostgreSQL's column includes ")
                .append("whatever else its processes did meanwhile.\n\n");
        text.append("| request | target | roles-service | PostgreSQL | proxy | the three |\n");
        text.append("|---|---|---|---|---|---|\n");
        List<String> proxyCosts = new ArrayList<>();
        for (String path : PATHS) {
            for (Target target : targets) {
                List<CpuPerRequest> rounds = cpu.get(key(path, target));
                double proxy = medianOf(rounds, CpuPerRequest::proxy);
                text.append(String.format("| `GET %s` | %s | %.0f | %.0f | %s | %.0f |%n", path, target.name(),
                        medianOf(rounds, CpuPerRequest::service), medianOf(rounds, CpuPerRequest::database),
                        target.proxy().isPresent() ? String.format("%.0f", proxy) : "", medianOf(rounds, CpuPerRequest::all)));
            }
            double nginx = medianOf(cpu.get(key(path, targets.get(1))), CpuPerRequest::proxy);
            double gateway = medianOf(cpu.get(key(path, targets.get(2))), CpuPerRequest::proxy);
            proxyCosts.add(String.format("`GET %s` x %.2f", path, gateway / nginx));
        }
        text.append("\nThe gateway's CPU per request against nginx's: ").append(String.join(", ", proxyCosts)).append(".\n");
        text.append("\nLatency of `GET ").append(FIXED_RATE_PATH).append("` at a fixed ").append(FIXED_RATE)
                .append(" requests/s (").append(ROUNDS).append(" interleaved rounds of ").append(FIXED_RATE_RUN.toSeconds())
                .append(" s, ").append(String.format("%,d", ROUNDS * FIXED_RATE * FIXED_RATE_RUN.toSeconds()))
                .append(" requests for each, each timed from when it was due), and what each proxy adds:\n\n");
        text.append("| path | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | added p50 (ms) | added p99 (ms) | failed |\n");
        text.append("|---|---|---|---|---|---|---|---|\n");
        Latencies straight = fixedRate.get(targets.get(0).name());
        for (Target target : targets) {
            Latencies latencies = fixedRate.get(target.name());
            boolean isStraight = target == targets.get(0);
            text.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f | %s | %s | %d |%n", target.name(),
                    latencies.percentileMillis(0.5), latencies.percentileMillis(0.9), latencies.percentileMillis(0.99),
                    latencies.maxMillis(),
                    isStraight ? "" : String.format("%+.2f", latencies.percentileMillis(0.5) - straight.percentileMillis(0.5)),
                    isStraight ? "" : String.format("%+.2f", latencies.percentileMillis(0.99) - straight.percentileMillis(0.99)),
                    latencies.failures()));
        }
        Latencies gateway = fixedRate.get(targets.get(2).name());
        double addedP50 = gateway.percentileMillis(0.5) - straight.percentileMillis(0.5);
        double addedP99 = gateway.percentileMillis(0.99) - straight.percentileMillis(0.99);
        double lowestRatio = gatewayToNginx.stream().min(Comparator.naturalOrder()).orElseThrow();
        text.append("\nTargets: gateway throughput >= 1.0 x nginx's: ").append(String.format("%.2f", lowestRatio))
                .append(Benchmark.verdict(lowestRatio >= 1.0)).append(" (the lower of the two requests); ");
        double straightCapacity = median(saturation.get(key(FIXED_RATE_PATH, targets.get(0))));
        if (straightCapacity < HEADROOM * FIXED_RATE || straight.percentileMillis(0.99) > BUSY_MACHINE_P99_MILLIS) {
            // Near saturation the figures measure the queue of a busy machine, not the hop (added latencies come out negative).
            text.append(String.format("added latency at %d/s not judged: the service alone saturated at %,.0f/s (less than "
                    + "%.0f x the rate would not do) and answered with a p99 of %.0f ms (above %d ms would not do) in this run, "
                    + "so the machine was too busy for a fair comparison.%n", FIXED_RATE, straightCapacity, HEADROOM,
                    straight.percentileMillis(0.99), BUSY_MACHINE_P99_MILLIS));
        } else {
            text.append("added p50 <= 0.5 ms at ").append(FIXED_RATE).append("/s: ")
                    .append(String.format("%+.2f ms", addedP50)).append(Benchmark.verdict(addedP50 <= 0.5))
                    .append("; added p99 <= 2 ms: ").append(String.format("%+.2f ms", addedP99)).append(Benchmark.verdict(addedP99 <= 2.0))
                    .append(".\n");
        }
        return text.toString();
    }

    private static List<Target> rotated(List<Target> targets, int by) {
        List<Target> rotated = new ArrayList<>(targets);
        Collections.rotate(rotated, by);
        return rotated;
    }

    private static String key(String path, Target target) {
        return path + " " + target.name();
    }

    private static double medianOf(List<CpuPerRequest> rounds, ToDoubleFunction<CpuPerRequest> column) {
        double[] values = rounds.stream().mapToDouble(column).sorted().toArray();
        return values[values.length / 2];
    }

    private static double median(List<WrkResult> results) {
        List<Double> rates = results.stream().map(WrkResult::requestsPerSecond).sorted().toList();
        return rates.get(rates.size() / 2);
    }
}
