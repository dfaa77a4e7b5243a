package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole suite as a person runs it, {@code ./lxp up}, on free ports and in a data folder of its own, for the tests
 * that need every service running (this module's and the generated client's). Closing it stops whatever is left,
 * found by the data folder every process of the stack names on its command line.
 */
public final class RunningStack implements AutoCloseable {

    public static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process up;

    private RunningStack(Path home) {
        this.home = home;
    }

    /** A stack not yet started, whose every component gets a free port on the loopback address. */
    public static RunningStack onFreePorts(Path home) throws IOException {
        return onFreePorts(home, Map.of());
    }

    /** The same with more settings, e.g. {@link StackSettings#SCALED_OUT}; every instance and broker gets a free port. */
    public static RunningStack onFreePorts(Path home, Map<String, String> settings) throws IOException {
        RunningStack stack = new RunningStack(home);
        stack.environment.put("LXP_HOME", home.toString());
        stack.environment.putAll(settings);
        for (StackSettings.Port port : StackSettings.from(ROOT, settings).allPorts()) {
            stack.environment.put(port.variable(), Integer.toString(freePort()));
        }
        return stack;
    }

    public int port(StackSettings.Port port) {
        return Integer.parseInt(environment.get(port.variable()));
    }

    public String gateway() {
        return "http://127.0.0.1:" + port(StackSettings.Port.GATEWAY);
    }

    public String keycloakIssuer() {
        return "http://127.0.0.1:" + port(StackSettings.Port.KEYCLOAK) + "/realms/lxp";
    }

    public String kafkaBootstrap() {
        return StackSettings.from(ROOT, environment).kafkaBootstrapServers();
    }

    /** What {@code ./lxp up} has printed since it was last started. */
    public List<String> output() {
        return output;
    }

    /**
     * Runs {@code ./lxp up} and returns once it has said the suite is ready and printed the whole banner after that (its
     * last line names the logs folder), failing with its output if it stops first.
     */
    public void start(Duration timeout) throws IOException {
        output.clear();
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("lxp").toString(), "up").directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        up = builder.start();
        Thread reader = new Thread(() -> copyLines(up), "lxp-up-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> !up.isAlive() || output.stream().anyMatch(line -> line.contains("is ready"))
                        && output.stream().anyMatch(line -> line.startsWith("  Logs:")));
        assertThat(up.isAlive()).as("./lxp up is still running; its output:\n%s", String.join("\n", output)).isTrue();
    }

    /** {@code ./lxp down}, asserting that every component stopped and no process of the stack is left. */
    public void stop() throws Exception {
        List<String> down = run("down");
        assertThat(down).contains("Stopped.");
        assertThat(up.waitFor(3, TimeUnit.MINUTES)).as("./lxp up exits after ./lxp down").isTrue();
        // ./lxp down sends SIGTERM: the launcher stops every component in its shutdown hook and exits as 128 + 15.
        assertThat(up.exitValue()).isEqualTo(143);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.contains("Stopped."));
        assertThat(output).anyMatch(line -> line.contains("postgres") && line.contains("stopped"));
        assertThat(ProcessHandle.allProcesses().filter(this::belongsToThisStack).map(RunningStack::describe).toList())
                .as("processes of the stack left running").isEmpty();
    }

    /** Another {@code ./lxp} command against this stack; it must succeed. Returns what it printed. */
    public List<String> run(String... arguments) throws IOException, InterruptedException {
        Process process = launch(false, arguments);
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("./lxp %s printed %s", String.join(" ", arguments), lines).isZero();
        return lines;
    }

    /** What a {@code ./lxp} command that may fail printed (standard output and error) and how it exited. */
    public record Attempt(int exitCode, String output) {
    }

    /** Another {@code ./lxp} command against this stack, which may fail. */
    public Attempt attempt(String... arguments) throws IOException, InterruptedException {
        Process process = launch(true, arguments);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Attempt(process.exitValue(), output);
    }

    /** Starts {@code ./lxp} with this stack's settings; its errors go with its output, or to this process's. */
    private Process launch(boolean errorsWithOutput, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("lxp").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        if (errorsWithOutput) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** A fresh access token for a demo client (client credentials) or a demo user, from {@code ./lxp token}. */
    public String token(String clientOrUser) throws IOException, InterruptedException {
        return run("token", clientOrUser).get(0);
    }

    /** Stops the stack if it is still up, and ends any of its processes that outlived it. */
    @Override
    public void close() throws Exception {
        if (up != null && up.isAlive()) {
            run("down");
            up.waitFor(3, TimeUnit.MINUTES);
        }
        ProcessHandle.allProcesses().filter(this::belongsToThisStack).forEach(ProcessHandle::destroyForcibly);
    }

    /** Copies every component's log to {@code folder}, replacing what an earlier run left there, for CI's artifacts. */
    public void keepLogs(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, folder.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void copyLines(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                System.out.println("[lxp up] " + line);
            }
        } catch (IOException ended) {
            // The process has gone; its output ends here.
        }
    }

    /** Every process of this stack names its data folder on its command line (Java components, PostgreSQL, Keycloak). */
    private boolean belongsToThisStack(ProcessHandle process) {
        return process.pid() != ProcessHandle.current().pid()
                && process.info().commandLine().map(line -> line.contains(home.toString())).orElse(false);
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
