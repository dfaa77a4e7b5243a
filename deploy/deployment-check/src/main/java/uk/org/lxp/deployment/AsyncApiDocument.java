package uk.org.lxp.deployment;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A service's AsyncAPI 3.0 document: its channels (topics) and the fields their messages carry. */
public final class AsyncApiDocument {

    /** Names a field holding an employer's staff reference: staffReference, holderStaffReference, staff_ref... */
    private static final Pattern STAFF_REFERENCE = Pattern.compile("(?i).*staff_?ref.*");

    private final Map<String, Object> document;

    private AsyncApiDocument(Map<String, Object> document) {
        this.document = document;
    }

    public static AsyncApiDocument read(Path file) {
        return new AsyncApiDocument(Yaml.map(Yaml.load(Suite.read(file))));
    }

    public boolean describes(String topic) {
        return topics().contains(topic);
    }

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        channels().values().forEach(channel -> topics.add(String.valueOf(Yaml.map(channel).get("address"))));
        return topics;
    }

    /** What a channel says of its topic for the catalogue: partitions and cleanup policy (its Kafka binding), readers. */
    public record ChannelTopic(String topic, Integer partitions, String cleanupPolicy, List<String> readers) {
    }

    public List<ChannelTopic> channelTopics() {
        return channels().values().stream().map(Yaml::map).map(channel -> {
            Object partitions = Yaml.at(channel, "bindings", "kafka", "partitions");
            List<Object> policy = Yaml.list(Yaml.at(channel, "bindings", "kafka", "topicConfiguration", "cleanup.policy"));
            return new ChannelTopic(String.valueOf(channel.get("address")),
                    partitions instanceof Number number ? number.intValue() : null,
                    policy.isEmpty() ? null : String.join(",", policy.stream().map(String::valueOf).toList()),
                    Yaml.list(channel.get("x-lxp-readers")).stream().map(String::valueOf).toList());
        }).toList();
    }

    /** Whether any message of the topic's channel, its schemas followed through every $ref, has a staff reference field. */
    public boolean carriesStaffReferences(String topic) {
        Deque<Object> pending = new ArrayDeque<>();
        channels().values().stream().filter(channel -> topic.equals(Yaml.map(channel).get("address"))).forEach(pending::add);
        Set<String> followed = new HashSet<>();
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof Map<?, ?> map) {
                if (map.get("$ref") instanceof String reference && followed.add(reference)) {
                    pending.push(resolve(reference));
                }
                if (map.get("properties") instanceof Map<?, ?> properties
                        && properties.keySet().stream().anyMatch(name -> STAFF_REFERENCE.matcher(String.valueOf(name)).matches())) {
                    return true;
                }
                map.values().stream().filter(Objects::nonNull).forEach(pending::push);
            } else if (node instanceof List<?> list) {
                list.stream().filter(Objects::nonNull).forEach(pending::push);
            }
        }
        return false;
    }

    private Map<String, Object> channels() {
        return Yaml.map(document.getOrDefault("channels", Map.of()));
    }

    /** A local reference such as {@code #/components/schemas/PostState}. */
    private Object resolve(String reference) {
        Object node = document;
        for (String segment : reference.replaceFirst("^#/", "").split("/")) {
            node = Yaml.map(node).get(segment);
        }
        return node;
    }
}
