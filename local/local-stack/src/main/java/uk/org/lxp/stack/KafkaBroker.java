package uk.org.lxp.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import uk.org.lxp.testing.kafka.BrokerLaunch;

/**
 * A KRaft broker on loopback in its own JVM: the only one, or one node of a cluster of up to three, each a broker and a
 * controller. Its log directory and the cluster's id survive restarts.
 */
final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private KafkaBroker() {
    }

    /** Starts broker {@code node} (from 1) of the stack's brokers. */
    static ChildProcess start(StackSettings settings, int node, Path java, String marker) {
        Path directory = directory(settings, node);
        try {
            List<Integer> controllerPorts = new ArrayList<>();
            for (int broker = 1; broker <= settings.brokers(); broker++) {
                controllerPorts.add(settings.port(StackSettings.Port.kafkaController(broker)));
            }
            BrokerLaunch.writeConfiguration(directory, directory.resolve("log"), node,
                    settings.port(StackSettings.Port.kafka(node)), controllerPorts);
            List<String> command = BrokerLaunch.command(java,
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", marker), directory, clusterId(settings));
            String name = StackSettings.instanceName("kafka", node);
            return ChildProcess.start(name, command, Map.of(), settings.home(), settings.logs().resolve(name + ".log"));
        } catch (IOException e) {
            throw new StackException("Could not prepare the Kafka broker in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the brokers at {@code bootstrapServers} (those just started) describe a cluster of {@code brokers};
     * fails if one of them stops first.
     */
    static void awaitReady(List<ChildProcess> started, String bootstrapServers, int brokers) {
        String what = brokers == 1 ? "it describes its cluster" : "it describes a cluster of all " + brokers + " brokers";
        await(started, bootstrapServers, what, nodes -> nodes.size() == brokers);
    }

    /**
     * Returns once a broker started again serves its cluster's metadata with itself in it, whatever the other brokers
     * are doing (one may be stopped for a drill, or starting again too).
     */
    static void awaitRejoined(ChildProcess broker, String address, int node) {
        await(List.of(broker), address, "it describes a cluster it belongs to",
                nodes -> nodes.stream().anyMatch(member -> member.id() == node));
    }

    private static void await(List<ChildProcess> started, String bootstrapServers, String what,
            Predicate<Collection<Node>> ready) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Readiness.await(started, what, START_TIMEOUT, () -> {
            try (Admin admin = Admin.create(config)) {
                return ready.test(admin.describeCluster().nodes().get(3, TimeUnit.SECONDS));
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
     * With three brokers each topic keeps its declared copies and minimum in-sync copies; with one, a single copy.
     * Topics that exist are left as they are. Returns how many were created.
     */
    static int createDeclaredTopics(String bootstrapServers, int brokers, List<DeclaredTopics.Topic> topics) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()),
                            Optional.of(topic.replicationOn(brokers))).configs(topic.configsOn(brokers)))
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

    private static Path directory(StackSettings settings, int node) {
        return settings.data().resolve(StackSettings.instanceName("kafka", node));
    }

    /**
     * Every broker's storage is formatted for one cluster id and one set of controllers, so both are kept beside the
     * first broker's: a data folder made for another number of brokers is refused rather than left to fail obscurely.
     */
    private static String clusterId(StackSettings settings) throws IOException {
        Path directory = directory(settings, 1);
        Files.createDirectories(directory);
        Path file = directory.resolve("cluster.id");
        Path brokers = directory.resolve("brokers");
        String count = Integer.toString(settings.brokers());
        String recorded = Files.isRegularFile(brokers) ? Files.readString(brokers, StandardCharsets.UTF_8).trim() : "1";
        if (Files.isRegularFile(file) && !recorded.equals(count)) {
            throw new StackException("The data in " + settings.data() + " is of a stack with " + recorded
                    + " Kafka broker(s), not " + count + ": run ./lxp up --reset, or give this stack another LXP_HOME");
        }
        Files.writeString(brokers, count, StandardCharsets.UTF_8);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = BrokerLaunch.randomClusterId();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }
}
