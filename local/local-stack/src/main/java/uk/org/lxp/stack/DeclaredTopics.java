package uk.org.lxp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's topics as deploy/kubernetes declares them (one KafkaTopic each), read so that the local brokers have the
 * same topics with the same partitions, cleanup policy and, where there are enough brokers, replication.
 */
final class DeclaredTopics {

    static final String FILE = "deploy/kubernetes/base/kafka/topics.yaml";
    private static final List<String> REPLICATION_SETTINGS = List.of("min.insync.replicas");

    record Topic(String name, int partitions, int replicas, Map<String, String> configs) {

        /** As many copies as declared, or one on each broker where there are fewer brokers. */
        short replicationOn(int brokers) {
            return (short) Math.min(replicas, brokers);
        }

        /**
         * The settings as declared where the cluster can hold every copy; without the replication settings where it
         * cannot, since a topic asking for more in-sync copies than there are brokers would refuse every write.
         */
        Map<String, String> configsOn(int brokers) {
            if (brokers >= replicas) {
                return configs;
            }
            Map<String, String> reduced = new TreeMap<>(configs);
            REPLICATION_SETTINGS.forEach(reduced::remove);
            return reduced;
        }
    }

    private DeclaredTopics() {
    }

    static List<Topic> read(Path root) {
        Path file = root.resolve(FILE);
        List<Topic> topics = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Files.readString(file))) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (!"KafkaTopic".equals(document.path("kind").asText())) {
                    continue;
                }
                Map<String, String> configs = new TreeMap<>();
                document.path("spec").path("config").fields()
                        .forEachRemaining(setting -> configs.put(setting.getKey(), setting.getValue().asText()));
                topics.add(new Topic(document.path("metadata").path("name").asText(),
                        document.path("spec").path("partitions").asInt(1), document.path("spec").path("replicas").asInt(1),
                        configs));
            }
        } catch (IOException e) {
            throw new StackException("Could not read the suite's topics from " + file + ": " + e.getMessage(), e);
        }
        return topics;
    }
}
