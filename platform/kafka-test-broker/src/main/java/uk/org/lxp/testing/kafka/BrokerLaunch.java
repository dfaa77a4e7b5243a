package uk.org.lxp.testing.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * How to run {@link KafkaBrokerMain} in a JVM of its own: its configuration and its command line. Uses the JDK only,
 * because callers take this jar without Kafka's dependencies (the broker's jars must never meet theirs).
 */
public final class BrokerLaunch {

    private static final String CLASSPATH_RESOURCE = "uk/org/lxp/testing/kafka/broker.classpath";

    private BrokerLaunch() {
    }

    /** Writes server.properties and log4j2.properties into {@code directory} for a single-node KRaft broker on loopback. */
    public static void writeConfiguration(Path directory, Path logDirectory, int port, int controllerPort) throws IOException {
        Files.createDirectories(directory);
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
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

    /**
     * The command that runs the broker configured in {@code directory} with the given java executable and JVM options.
     * The caller must keep the process's standard input open: the broker exits when it closes.
     */
    public static List<String> command(Path java, List<String> jvmOptions, Path directory, String clusterId) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(classpath());
        command.add(KafkaBrokerMain.class.getName());
        command.add(directory.resolve("server.properties").toString());
        command.add(clusterId);
        return command;
    }

    /** A Kafka cluster id: a UUID in URL-safe base64 that, like Kafka's own, never starts with a dash. */
    public static String randomClusterId() {
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

    private static String classpath() throws IOException {
        URL resource = BrokerLaunch.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: build kafka-test-broker");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return launcherLocation(resource) + File.pathSeparator + dependencies;
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
}
