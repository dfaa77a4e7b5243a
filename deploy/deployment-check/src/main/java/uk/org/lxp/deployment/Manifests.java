package uk.org.lxp.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** The Kubernetes manifests of an overlay as kustomize renders them. */
public final class Manifests implements Deployed {

    public static final Path PRODUCTION = Path.of("deploy/kubernetes/overlays/production");

    private final List<Map<String, Object>> resources;

    private Manifests(List<Map<String, Object>> resources) {
        this.resources = resources;
    }

    public static Manifests parse(String rendered) {
        return new Manifests(Yaml.loadAll(rendered));
    }

    /** Renders the overlay with {@code kubectl kustomize}, which must be on the PATH. */
    public static Manifests render(Path root, Path overlay) {
        Path output = null;
        try {
            output = Files.createTempFile("kustomize", ".yaml");
            Process kubectl;
            try {
                kubectl = new ProcessBuilder("kubectl", "kustomize", root.resolve(overlay).toString())
                        .redirectOutput(output.toFile()).redirectErrorStream(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("kubectl is not on the PATH: the Kubernetes manifests cannot be rendered. "
                        + "Install kubectl (it carries kustomize) to run these checks.", e);
            }
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " did not finish within 2 minutes");
            }
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + errors);
            }
            return parse(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Could not render " + overlay, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering " + overlay, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    @Override
    public String name() {
        return "deploy/kubernetes";
    }

    public List<Map<String, Object>> resources() {
        return List.copyOf(resources);
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    public Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(resource -> name.equals(Yaml.at(resource, "metadata", "name"))).findFirst()
                .orElse(null);
    }

    @Override
    public RunningApplication application(String name) {
        Map<String, Object> deployment = named("Deployment", name);
        if (deployment == null) {
            return null;
        }
        Map<String, Object> container = Yaml.list(Yaml.at(deployment, "spec", "template", "spec", "containers")).stream()
                .map(Yaml::map).filter(candidate -> name.equals(candidate.get("name"))).findFirst().orElse(Map.of());
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object entry : Yaml.list(container.get("env"))) {
            Map<String, Object> variable = Yaml.map(entry);
            Object value = variable.containsKey("value") ? variable.get("value") : "from " + variable.get("valueFrom");
            environment.put(String.valueOf(variable.get("name")), String.valueOf(value));
        }
        List<Integer> ports = Yaml.list(container.get("ports")).stream()
                .map(port -> ((Number) Yaml.map(port).get("containerPort")).intValue()).toList();
        List<String> healthChecks = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object path = Yaml.at(container, probe, "httpGet", "path");
            if (path != null) {
                healthChecks.add(String.valueOf(path));
            }
        }
        return new RunningApplication(name, environment, String.valueOf(container.get("image")), ports, healthChecks);
    }

    /** The ports a Service exposes. */
    public List<Integer> servicePorts(String name) {
        Map<String, Object> service = named("Service", name);
        return service == null ? List.of() : Yaml.list(Yaml.at(service, "spec", "ports")).stream()
                .map(port -> ((Number) Yaml.map(port).get("port")).intValue()).toList();
    }

    @Override
    public Map<String, TopicDeclaration> topics() {
        Map<String, TopicDeclaration> topics = new TreeMap<>();
        for (Map<String, Object> topic : ofKind("KafkaTopic")) {
            Object topicName = Yaml.at(topic, "spec", "topicName");
            String name = String.valueOf(topicName != null ? topicName : Yaml.at(topic, "metadata", "name"));
            Object policy = Yaml.at(topic, "spec", "config", "cleanup.policy");
            topics.put(name, new TopicDeclaration(name, ((Number) Yaml.at(topic, "spec", "partitions")).intValue(),
                    policy == null ? "delete" : String.valueOf(policy)));
        }
        return topics;
    }

    /** A KafkaUser's ACLs: {@code <type>:<patternType>:<name>} to the operations it allows. */
    public Map<String, Set<String>> acls(String user) {
        Map<String, Object> kafkaUser = named("KafkaUser", user);
        Map<String, Set<String>> acls = new TreeMap<>();
        if (kafkaUser == null) {
            return acls;
        }
        for (Object entry : Yaml.list(Yaml.at(kafkaUser, "spec", "authorization", "acls"))) {
            Map<String, Object> acl = Yaml.map(entry);
            Map<String, Object> resource = Yaml.map(acl.get("resource"));
            Object pattern = resource.getOrDefault("patternType", "literal");
            String key = resource.get("type") + ":" + pattern + ":" + resource.getOrDefault("name", "*");
            Set<String> operations = acls.computeIfAbsent(key, ignored -> new TreeSet<>());
            Yaml.list(acl.get("operations")).forEach(operation -> operations.add(String.valueOf(operation)));
            if (acl.get("operation") != null) {
                operations.add(String.valueOf(acl.get("operation")));
            }
        }
        return acls;
    }

    public Set<String> kafkaUsers() {
        Set<String> users = new TreeSet<>();
        ofKind("KafkaUser").forEach(user -> users.add(String.valueOf(Yaml.at(user, "metadata", "name"))));
        return users;
    }
}
