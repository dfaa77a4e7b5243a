package uk.org.lxp.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml as written (variables not substituted). */
public final class ComposeFile implements Deployed {

    /** One line of the topic-creating init container: {@code create_topic <name> <partitions> <cleanup.policy> [...]}. */
    private static final Pattern CREATE_TOPIC = Pattern.compile("(?m)^\\s*create_topic\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HEALTH_PATH = Pattern.compile("(/q/health/\\w+)");

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    public static ComposeFile parse(String text) {
        return new ComposeFile(Yaml.map(Yaml.map(Yaml.load(text)).get("services")));
    }

    @Override
    public String name() {
        return "docker-compose.yml";
    }

    public Map<String, Object> service(String name) {
        return services.containsKey(name) ? Yaml.map(services.get(name)) : null;
    }

    /** The services that publish a port to the host. */
    public Set<String> published() {
        Set<String> published = new TreeSet<>();
        services.forEach((name, service) -> {
            if (!Yaml.list(Yaml.map(service).get("ports")).isEmpty()) {
                published.add(name);
            }
        });
        return published;
    }

    @Override
    public RunningApplication application(String name) {
        Map<String, Object> service = service(name);
        if (service == null) {
            return null;
        }
        String healthCheck = text(Yaml.at(service, "healthcheck", "test"));
        List<String> healthPaths = new ArrayList<>();
        for (Matcher path = HEALTH_PATH.matcher(healthCheck); path.find();) {
            healthPaths.add(path.group(1));
        }
        List<Integer> ports = new ArrayList<>();
        Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)/q/health").matcher(healthCheck);
        if (port.find()) {
            ports.add(Integer.parseInt(port.group(1)));
        }
        return new RunningApplication(name, environment(service), String.valueOf(service.get("image")), ports, healthPaths);
    }

    /** The container port a service publishes first, e.g. 8080 of "${LXP_GATEWAY_PORT:-8080}:8080". */
    public Integer publishedContainerPort(String name) {
        List<Object> ports = Yaml.list(service(name).get("ports"));
        if (ports.isEmpty()) {
            return null;
        }
        String mapping = String.valueOf(ports.get(0));
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    @Override
    public Map<String, TopicDeclaration> topics() {
        Map<String, TopicDeclaration> topics = new TreeMap<>();
        services.values().forEach(service -> {
            String command = text(Yaml.map(service).get("command"));
            if (command.contains("kafka-topics.sh")) {
                for (Matcher topic = CREATE_TOPIC.matcher(command); topic.find();) {
                    topics.put(topic.group(1), new TopicDeclaration(topic.group(1), Integer.parseInt(topic.group(2)),
                            topic.group(3).replace("\"", "")));
                }
            }
        });
        return topics;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(String.valueOf(key), String.valueOf(value)));
        } else {
            for (Object entry : Yaml.list(environment)) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    private static String text(Object node) {
        if (node instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return node == null ? "" : String.valueOf(node);
    }
}
