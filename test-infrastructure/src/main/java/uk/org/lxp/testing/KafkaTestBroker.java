package uk.org.lxp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in a child JVM, listening on
 * 127.0.0.1 on free ports. It runs from the classpath recorded by the kafka-test-broker module, so the
 * broker's jars never meet the Quarkus platform's. It can be stopped and started again on the same
 * ports and log directory, which is what failure tests need.
 */
public final class KafkaTestBroker {

    private static final String CLASSPATH_RESOURCE = "uk/org/lxp/testing/kafka/broker.classpath";
    private static final String MAIN_CLASS = "uk.org.lxp.testing.kafka.KafkaBrokerMain";
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
        this.clusterId = randomClusterId();
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
            broker.writeConfiguration();
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
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                    "-cp", brokerClasspath(),
                    MAIN_CLASS,
                    directory.resolve("server.properties").toString(),
                    clusterId));
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

    private void writeConfiguration() throws IOException {
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(directory.resolve("server.properties"), server, StandardCharsets.UTF_8);
        String logging = String.join("\n",
                "appender.console.type=Console",
                "appender.console.name=console",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.console.ref=console",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                "");
        Files.writeString(directory.resolve("log4j2.properties"), logging, StandardCharsets.UTF_8);
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

    private static String brokerClasspath() throws IOException {
        URL resource = KafkaTestBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: build kafka-test-broker");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return launcherLocation(resource) + java.io.File.pathSeparator + dependencies;
        }
    }

    /** The jar or class directory that holds the launcher, derived from where its classpath resource was found. */
    private static String launcherLocation(URL resource) {
        String url = resource.toString();
        try {
            if (url.startsWith("jar:")) {
                return Paths.get(new URL(url.substring(4, url.indexOf("!/"))).toURI()).toString();
            }
            if (url.startsWith("file:")) {
                Path file = Paths.get(resource.toURI());
                return file.getRoot().resolve(file.subpath(0, file.getNameCount() - Path.of(CLASSPATH_RESOURCE).getNameCount()))
                        .toString();
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot locate the Kafka broker launcher from " + url, e);
        }
        throw new IllegalStateException("Cannot locate the Kafka broker launcher from " + url);
    }

    /** A Kafka cluster id: a UUID in URL-safe base64 that, like Kafka's own, never starts with a dash. */
    static String randomClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
