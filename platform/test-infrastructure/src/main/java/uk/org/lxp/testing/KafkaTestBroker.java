package uk.org.lxp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import uk.org.lxp.testing.kafka.BrokerLaunch;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in a child JVM, listening on
 * 127.0.0.1 on free ports. It runs from the classpath recorded by the kafka-test-broker module, so the
 * broker's jars never meet the Quarkus platform's. It can be stopped and started again on the same
 * ports and log directory, which is what failure tests need.
 */
public final class KafkaTestBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static KafkaTestBroker shared;

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private Process process;

    private KafkaTestBroker(Path directory) {
        this.directory = directory;
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
        this.clusterId = BrokerLaunch.randomClusterId();
    }

    /** The broker every test in this JVM shares, started on first use and stopped when the JVM exits. */
    public static synchronized KafkaTestBroker shared() {
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    /** Starts a broker that is stopped and deleted when the JVM exits. */
    private static KafkaTestBroker startNew() {
        try {
            KafkaTestBroker broker = new KafkaTestBroker(Files.createTempDirectory("lxp-kafka-"));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stopAndDelete, "kafka-test-broker-stop"));
            BrokerLaunch.writeConfiguration(broker.directory, broker.directory.resolve("data"), broker.port, broker.controllerPort);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka broker directory", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on the same ports and data, and waits until it serves clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(BrokerLaunch.command(
                    Paths.get(System.getProperty("java.home"), "bin", "java"),
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                    directory, clusterId));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            // Standard input stays a pipe: the broker exits when it closes, that is when this JVM goes.
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            process = builder.start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker", e);
        }
    }

    /** Stops the broker gracefully, as an orchestrator would. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            process.getOutputStream().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException ignored) {
            // The pipe is already closed because the process is gone.
        }
        process = null;
    }

    private void stopAndDelete() {
        stop();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory that outlives a failed cleanup is harmless.
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited during start-up:\n" + logTail());
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException notYet) {
                // The broker is still starting; try again until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
            }
        }
        throw new IllegalStateException("The Kafka broker was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    private Path logFile() {
        return directory.resolve("broker.log");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }
}
