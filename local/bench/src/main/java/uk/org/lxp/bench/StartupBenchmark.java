package uk.org.lxp.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.org.lxp.stack.Memory;
import uk.org.lxp.stack.Processes;
import uk.org.lxp.stack.QuarkusApplication;
import uk.org.lxp.stack.StackSettings;

/**
 * B6: each application started again beside a running stack, exactly as the stack starts it (same JVM options and
 * variables, its own port): the time from starting the process to its first answered authenticated request, then its
 * resident memory after a warm-up load.
 */
final class StartupBenchmark implements Benchmark {

    private static final String CLIENT = "hr-rgd";
    private static final int RUNS = 3;
    private static final int WARM_UP_CONNECTIONS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration START_DEADLINE = Duration.ofMinutes(2);
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    /** An application and the first request it must answer 200: a read its token, role and organisation allow. */
    private record Application(String module, String firstRequest) {
    }

    private static final List<Application> APPLICATIONS = List.of(
            new Application("roles-service", "/api/v1/organisations/RGD"),
            new Application("pay-equity-service", "/api/v1/pay-scales"),
            new Application("supervision-service", "/api/v1/supervisors?organisation=RGD"),
            new Application("gateway", "/api/v1/organisations/RGD"));

    private record Measurement(double firstAnswerSeconds, Optional<Double> quarkusSeconds, long residentBytes) {
    }

    /** How an application is started: as the stack does, and without what the stack adds for start-up and memory. */
    private enum Variant {
        STACK("as ./lxp up"),
        PLAIN("no archive, default arenas, no trim");

        private final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "B6 Start-up and memory";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        Map<String, List<Measurement>> measured = new LinkedHashMap<>();
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), false, out)) {
            for (int run = 1; run <= RUNS; run++) {
                for (Application application : APPLICATIONS) {
                    for (Variant variant : run % 2 == 0 ? List.of(Variant.PLAIN, Variant.STACK) : List.of(Variant.values())) {
                        Measurement measurement = measure(stack, application, variant, run, work);
                        out.printf("  run %d %-20s %-27s first answer %.2f s, Quarkus says %s, resident %s after warm-up%n",
                                run, application.module(), variant.label, measurement.firstAnswerSeconds(),
                                measurement.quarkusSeconds().map(s -> s + " s").orElse("?"),
                                Memory.megabytes(measurement.residentBytes()));
                        measured.computeIfAbsent(application.module() + " " + variant, key -> new ArrayList<>()).add(measurement);
                    }
                }
            }
        }
        return report(measured);
    }

    private Measurement measure(BenchStack stack, Application application, Variant variant, int run, Path work) {
        StackSettings settings = stack.settings();
        String module = application.module();
        int port = BenchStack.freePort();
        Map<String, String> variables = new HashMap<>(module.equals("gateway")
                ? QuarkusApplication.gatewayVariables(settings, port)
                : QuarkusApplication.serviceVariables(settings, settings.services().stream()
                        .filter(service -> service.name().equals(module)).findFirst().orElseThrow(), port));
        List<String> command = new ArrayList<>(QuarkusApplication.command(settings, module,
                Path.of(System.getProperty("java.home")), "-Dlxp.stack=" + settings.home()));
        if (variant == Variant.PLAIN) {
            variables.remove("MALLOC_ARENA_MAX");
            command.removeIf(option -> option.startsWith("-XX:SharedArchiveFile=")
                    || option.equals(QuarkusApplication.TRIM_NATIVE_HEAP));
        }
        Path log = work.resolve("startup").resolve(module + "-" + variant.name().toLowerCase(Locale.ROOT) + "-" + run + ".log");
        String url = "http://127.0.0.1:" + port + application.firstRequest();
        String token = stack.token(CLIENT);
        Process process;
        long started = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(QuarkusApplication.directory(settings, module).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(variables);
            builder.environment().putAll(BenchStack.RAISED_RATE_LIMIT);
            process = builder.start();
        } catch (IOException e) {
            throw new BenchException("Could not start " + module + ": " + e.getMessage(), e);
        }
        try {
            awaitFirstAnswer(process, url, token, log);
            double firstAnswer = (System.nanoTime() - started) / 1e9;
            WrkResult warmUp = Wrk.run(url, stack.token(CLIENT), WARM_UP_CONNECTIONS, WARM_UP, work);
            if (warmUp.failures() > 0) {
                throw new BenchException(module + " failed " + warmUp.failures() + " of the warm-up's requests; see " + log);
            }
            long resident = Memory.residentBytes(process.toHandle());
            return new Measurement(firstAnswer, quarkusStartedSeconds(log), resident);
        } finally {
            Processes.stop(process.toHandle());
        }
    }

    private void awaitFirstAnswer(Process process, String url, String token, Path log) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchException(url + ": the application exited while starting; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                throw new BenchException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            } catch (IOException notListeningYet) {
                Pauses.briefly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("Interrupted", e);
            }
        }
        throw new BenchException(url + " did not answer within " + START_DEADLINE.toSeconds() + " s; see " + log);
    }

    private static Optional<Double> quarkusStartedSeconds(Path log) {
        try {
            Matcher matcher = QUARKUS_STARTED.matcher(Files.readString(log));
            return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String report(Map<String, List<Measurement>> measured) {
        StringBuilder text = new StringBuilder();
        text.append("Each application is started again beside a running stack (no demo data), on a port of its own with the ")
                .append("stack's variables, two ways in turn: as `./lxp up` starts it (`")
                .append(String.join(" ", QuarkusApplication.JVM_OPTIONS)).append(" ").append(QuarkusApplication.TRIM_NATIVE_HEAP)
                .append("`, the class-data-sharing archive its build wrote, `MALLOC_ARENA_MAX=2`) and plainly (the same ")
                .append("without the archive, the arena limit and the trimming); ")
                .append(RUNS).append(" runs, the order alternating. First answer: from starting the process to the first 200 of ")
                .append("an authenticated read (the token taken beforehand), polled every 5 ms. Memory: the resident set (VmRSS) ")
                .append("after ").append(WARM_UP.toSeconds()).append(" s of wrk at ").append(WARM_UP_CONNECTIONS)
                .append(" connections on that read.\n\n");
        text.append("| application | started | first answer (s), each run | median (s) | Quarkus's \"started in\" (s) | resident after warm-up (MB), each run | median (MB) |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        double slowest = 0;
        long largest = 0;
        StringBuilder sideBySide = new StringBuilder();
        for (Application application : APPLICATIONS) {
            String module = application.module();
            for (Variant variant : Variant.values()) {
                List<Measurement> runs = measured.get(module + " " + variant);
                text.append(String.format("| %s `GET %s` | %s | %s | %.2f | %s | %s | %,d |%n", module, application.firstRequest(),
                        variant.label,
                        runs.stream().map(m -> String.format("%.2f", m.firstAnswerSeconds())).collect(Collectors.joining(", ")),
                        firstAnswer(runs),
                        runs.stream().map(m -> m.quarkusSeconds().map(s -> String.format("%.2f", s)).orElse("?"))
                                .collect(Collectors.joining(", ")),
                        runs.stream().map(m -> String.format("%,d", m.residentBytes() >> 20)).collect(Collectors.joining(", ")),
                        resident(runs) >> 20));
            }
            List<Measurement> stack = measured.get(module + " " + Variant.STACK);
            List<Measurement> plain = measured.get(module + " " + Variant.PLAIN);
            slowest = Math.max(slowest, firstAnswer(stack));
            largest = Math.max(largest, resident(stack));
            sideBySide.append(String.format("%s%s: first answer x %.2f, resident %+,d MB", sideBySide.length() == 0 ? "" : "; ",
                    module, firstAnswer(stack) / firstAnswer(plain), (resident(stack) - resident(plain)) >> 20));
        }
        text.append("\nAs the stack runs them against plainly: ").append(sideBySide).append(".\n");
        text.append(String.format("%nTargets: first answer <= 3 s: slowest median %.2f s%s; resident <= 200 MB: largest median %,d MB%s.%n",
                slowest, Benchmark.verdict(slowest <= 3), largest >> 20, Benchmark.verdict((largest >> 20) <= 200)));
        return text.toString();
    }

    private static double firstAnswer(List<Measurement> runs) {
        return median(runs.stream().map(Measurement::firstAnswerSeconds).toList());
    }

    private static long resident(List<Measurement> runs) {
        return (long) median(runs.stream().map(m -> (double) m.residentBytes()).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
