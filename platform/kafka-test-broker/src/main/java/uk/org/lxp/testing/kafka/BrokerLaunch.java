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
        writeConfiguration(directory, logDirectory, 1, port, List.of(controllerPort));
    }

    /**
     * The same for node {@code nodeId} (from 1) of a KRaft cluster on loopback whose every node is a broker and a
     * controller; {@code controllerPorts} holds each node's controller port, node 1's first. With three nodes or more,
     * the internal topics keep three copies and accept a write once two have it, as a production cluster does.
     */
    public static void writeConfiguration(Path directory, Path logDirectory, int nodeId, int port,
            List<Integer> controllerPorts) throws IOException {
        Files.createDirectories(directory);
        List<String> voters = new ArrayList<>();
        for (int node = 1; node <= controllerPorts.size(); node++) {
            voters.add(node + "@127.0.0.1:" + controllerPorts.get(node - 1));
        }
        int replication = Math.min(3, controllerPorts.size());
        int minInSync = replication >= 3 ? 2 : 1;
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + String.join(",", voters),
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPorts.get(nodeId - 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=" + replication,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replication,
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=" + replication,
                "transaction.state.log.min.isr=" + minInSync,
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=" + replication,
                "share.coordinator.state.topic.min.isr=" + minInSync,
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
