package uk.org.lxp.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import uk.org.lxp.testing.kafka.BrokerLaunch;

/** A single-node KRaft broker on loopback in its own JVM; its log directory and cluster id survive restarts. */
final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private KafkaBroker() {
    }

    static ChildProcess start(StackSettings settings, Path java, String marker) {
        Path directory = settings.data().resolve("kafka");
        try {
            BrokerLaunch.writeConfiguration(directory, directory.resolve("log"),
                    settings.port(StackSettings.Port.KAFKA), settings.port(StackSettings.Port.KAFKA_CONTROLLER));
            List<String> command = BrokerLaunch.command(java,
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", marker), directory, clusterId(directory));
            return ChildProcess.start("kafka", command, Map.of(), settings.home(), settings.logs().resolve("kafka.log"));
        } catch (IOException e) {
            throw new StackException("Could not prepare the Kafka broker in " + directory + ": " + e.getMessage(), e);
        }
    }

    static void awaitReady(ChildProcess broker, String bootstrapServers) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Readiness.await(broker, "it describes its cluster", START_TIMEOUT, () -> {
            try (Admin admin = Admin.create(config)) {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for the Kafka broker", e);
            }
        });
    }

    /**
     * Creates every topic deploy/kubernetes declares, with its partitions and cleanup policy, so that a dashboard or
     * {@code ./lxp events} finds each one from the first start, not only once something has been published to it.
     * Topics that exist are left as they are. Returns how many were created.
     */
    static int createDeclaredTopics(String bootstrapServers, List<DeclaredTopics.Topic> topics) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
                            .configs(topic.configs()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return missing.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Could not create the suite's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating the suite's topics", e);
        }
    }

    /** The storage is formatted for one cluster id, so the id is kept beside it. */
    private static String clusterId(Path directory) throws IOException {
        Path file = directory.resolve("cluster.id");
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = BrokerLaunch.randomClusterId();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }
}
