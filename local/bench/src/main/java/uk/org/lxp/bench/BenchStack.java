package uk.org.lxp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import uk.org.lxp.stack.KeycloakTokens;
import uk.org.lxp.stack.RealmFile;
import uk.org.lxp.stack.StackSettings;
import uk.org.lxp.stack.StackState;

/**
 * The suite a benchmark measures: {@code ./lxp up --reset} on free loopback ports in a data folder of the bench's own,
 * so a developer's stack and its data are never touched, stopped with {@code ./lxp down}.
 */
final class BenchStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /**
     * The gateway's per-client rate limit, raised far above what two cores can send so that no measured request is
     * answered 429; every benchmark's gateway runs with it.
     */
    static final Map<String, String> RAISED_RATE_LIMIT = Map.of("LXP_GATEWAY_RATE_LIMIT_CAPACITY", "1000000");

    private final Path root;
    private final Map<String, String> environment;
    private final StackSettings settings;
    private final PrintStream out;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final KeycloakTokens tokens;
    private Process up;

    private BenchStack(Path root, Map<String, String> environment, PrintStream out) {
        this.root = root;
        this.environment = environment;
        this.settings = StackSettings.from(root, environment);
        this.out = out;
        this.tokens = new KeycloakTokens(settings.issuer(), RealmFile.read(settings.realmFile()));
    }

    /** Starts the stack with the demo data or without; its gateway has the raised rate limit. */
    static BenchStack start(Path root, Path home, boolean demoData, PrintStream out) {
        return start(root, home, demoData, Map.of(), out);
    }

    /** As {@link #start(Path, Path, boolean, PrintStream)}, every process given these settings too. */
    static BenchStack start(Path root, Path home, boolean demoData, Map<String, String> settings, PrintStream out) {
        Map<String, String> environment = new HashMap<>(RAISED_RATE_LIMIT);
        environment.putAll(settings);
        environment.put("LXP_HOME", home.toString());
        for (StackSettings.Port port : StackSettings.from(root, Map.of()).allPorts()) {
            environment.put(port.variable(), Integer.toString(freePort()));
        }
        BenchStack stack = new BenchStack(root, environment, out);
        stack.up(demoData);
        return stack;
    }

    StackSettings settings() {
        return settings;
    }

    /** Every process of the stack, by component name ("postgres", "roles-service", "gateway", ...). */
    Map<String, ProcessHandle> processes() {
        return StackState.read(settings.stateFile())
                .orElseThrow(() -> new BenchException("The stack's state file " + settings.stateFile() + " is missing"))
                .components();
    }

    /** A fresh client-credentials token (they live five minutes, so take one per measured run). */
    String token(String client) {
        return tokens.accessToken(client);
    }

    private void up(boolean demoData) {
        List<String> command = launcher("up", "--reset");
        if (!demoData) {
            command.add("--no-demo");
        }
        out.println("Starting a stack of the bench's own in " + settings.home() + " (./lxp " + String.join(" ", command.subList(4, command.size())) + ")");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            up = builder.start();
        } catch (IOException e) {
            throw new BenchException("Could not run ./lxp up: " + e.getMessage(), e);
        }
        Thread reader = new Thread(this::copyOutput, "lxp-up-output");
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (output.stream().noneMatch(line -> line.contains("is ready"))) {
            if (!up.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new BenchException("./lxp up did not get ready; it printed:\n" + String.join("\n", output));
            }
            Pauses.briefly();
        }
    }

    /**
     * The launcher ./lxp hands over to, run directly: ./lxp bench has built everything, and ./lxp itself would build
     * again in the middle of a run if a source changed meanwhile.
     */
    private List<String> launcher(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlxp.root=" + root, "-jar", root.resolve("local/local-stack/target/local-stack.jar").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private void copyOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("  ") && line.contains(" ready in ")) {
                    out.println("  [lxp up]" + line);
                }
            }
        } catch (IOException ended) {
            // ./lxp up has exited; its output ends here.
        }
    }

    @Override
    public void close() {
        if (up == null || !up.isAlive()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(launcher("down")).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            builder.start().waitFor(3, TimeUnit.MINUTES);
            if (!up.waitFor(3, TimeUnit.MINUTES)) {
                up.destroyForcibly();
            }
        } catch (IOException e) {
            up.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            up.destroy();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BenchException("No free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
