package uk.org.lxp.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.org.lxp.http.SuiteServices;

/**
 * Holds the deployments to the code. Each check answers the problems it found, one sentence each, so that a failing
 * build says what to change: an environment variable no application reads or a required one missing, an image or port
 * that is not the application's, a topic the code uses but a deployment does not declare (or declares differently), an
 * ACL that gives a reader more or less than it consumes.
 */
public final class DriftCheck {

    /**
     * Variables of the base image's launcher (run-java.sh) and of the C library under the JVM, not configuration of
     * the application.
     */
    static final Set<String> IMAGE_LAUNCHER_VARIABLES = Set.of("LANGUAGE", "JAVA_OPTS_APPEND", "JAVA_APP_JAR",
            "MALLOC_ARENA_MAX");

    /** Labels a KafkaUser that reads for ICS dashboards: only topics meant for them, never staff references. */
    static final String DASHBOARD_READER_LABEL = "lxp.org.uk/reader";

    private static final Set<String> PUBLISHED_TO_THE_HOST = Set.of(Suite.GATEWAY, "keycloak");
    private static final Set<String> OPEN_TO_ALL = Set.of("{app.kubernetes.io/name=" + Suite.GATEWAY + "}", "{app=keycloak}");
    private static final String CNPG_OPERATOR_NAMESPACE = "cnpg-system";
    private static final Set<String> READ_OPERATIONS = Set.of("Read", "Describe");
    private static final Pattern APPLICATION_URL = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)");
    private static final Pattern DOCKERFILE_ENV = Pattern.compile("(?m)^ENV\\s+([A-Za-z_][A-Za-z0-9_]*)[=\\s]");
    private static final Pattern DOCKERFILE_EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    private final List<Suite.Application> applications;
    private final List<SuiteServices.Service> services;
    private final Map<String, ApplicationConfiguration> configurations;
    private final Map<String, EventTopology> topologies;
    private final List<AsyncApiDocument> eventCatalogue;

    public DriftCheck(List<Suite.Application> applications, List<SuiteServices.Service> services,
            Map<String, ApplicationConfiguration> configurations, Map<String, EventTopology> topologies,
            List<AsyncApiDocument> eventCatalogue) {
        this.applications = applications;
        this.services = services;
        this.configurations = configurations;
        this.topologies = topologies;
        this.eventCatalogue = eventCatalogue;
    }

    /** Everything read from the repository's code. */
    public static DriftCheck of(Suite suite) {
        Map<String, ApplicationConfiguration> configurations = new LinkedHashMap<>();
        Map<String, EventTopology> topologies = new LinkedHashMap<>();
        List<AsyncApiDocument> catalogue = new ArrayList<>();
        for (Suite.Application application : suite.applications()) {
            configurations.put(application.name(), ApplicationConfiguration.of(suite, application));
            topologies.put(application.name(), EventTopology.of(suite, application));
            Path asyncApi = application.module().resolve("src/main/resources/META-INF/resources/asyncapi/" + application.name() + ".yaml");
            if (Files.isRegularFile(asyncApi)) {
                catalogue.add(AsyncApiDocument.read(asyncApi));
            }
        }
        return new DriftCheck(suite.applications(), suite.services(), configurations, topologies, catalogue);
    }

    public Map<String, EventTopology> topologies() {
        return topologies;
    }

    /** The same check for code in which one application publishes and consumes what the given topology says. */
    public DriftCheck withTopology(EventTopology changed) {
        Map<String, EventTopology> changedTopologies = new LinkedHashMap<>(topologies);
        changedTopologies.put(changed.application(), changed);
        return new DriftCheck(applications, services, configurations, changedTopologies, eventCatalogue);
    }

    /** Every variable a deployment sets for an application is one it reads, and every one it needs is set. */
    public List<String> environment(Deployed deployed) {
        List<String> problems = new ArrayList<>();
        for (Suite.Application application : applications) {
            Deployed.RunningApplication running = deployed.application(application.name());
            if (running == null) {
                problems.add(deployed.name() + " does not run " + application.name());
                continue;
            }
            ApplicationConfiguration configuration = configurations.get(application.name());
            for (String variable : running.environment().keySet()) {
                if (!configuration.reads(variable)) {
                    problems.add(deployed.name() + " sets " + variable + " for " + application.name()
                            + ", which is no configuration key " + application.name() + " reads");
                }
            }
            Set<String> given = new TreeSet<>(running.environment().keySet());
            given.addAll(imageEnvironment(application));
            for (ApplicationConfiguration.Requirement requirement : configuration.requirements()) {
                if (requirement.satisfiedBy().stream().noneMatch(given::contains)) {
                    problems.add(deployed.name() + " does not set " + String.join(" or ", requirement.satisfiedBy()) + " for "
                            + application.name() + " (" + requirement.key() + " would stay on its one-machine default)");
                }
            }
        }
        return problems;
    }

    /** The variables an application's image sets are configuration keys too, or its launcher's. */
    public List<String> images() {
        List<String> problems = new ArrayList<>();
        for (Suite.Application application : applications) {
            if (!Files.isRegularFile(application.dockerfile())) {
                problems.add(application.name() + " has no " + application.module().relativize(application.dockerfile()));
                continue;
            }
            String dockerfile = Suite.read(application.dockerfile());
            for (String variable : imageEnvironment(application)) {
                if (!IMAGE_LAUNCHER_VARIABLES.contains(variable) && !configurations.get(application.name()).reads(variable)) {
                    problems.add(application.name() + "'s Dockerfile sets " + variable + ", which " + application.name() + " does not read");
                }
            }
            Matcher expose = DOCKERFILE_EXPOSE.matcher(dockerfile);
            if (!expose.find() || Integer.parseInt(expose.group(1)) != application.port()) {
                problems.add(application.name() + "'s Dockerfile does not EXPOSE its port " + application.port());
            }
            if (!dockerfile.contains(":" + application.port() + "/q/health/ready")) {
                problems.add(application.name() + "'s Dockerfile does not check /q/health/ready on port " + application.port());
            }
        }
        for (SuiteServices.Service service : services) {
            applications.stream().filter(application -> application.name().equals(service.name())
                    && application.port() != service.localPort()).forEach(application -> problems.add("deploy/services.conf gives "
                    + service.name() + " port " + service.localPort() + " but its quarkus.http.port is " + application.port()));
        }
        return problems;
    }

    /** Images, ports, health checks, database names and the addresses applications give each other. */
    public List<String> imagesAndPorts(Deployed deployed) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> ports = new TreeMap<>();
        applications.forEach(application -> ports.put(application.name(), application.port()));
        for (Suite.Application application : applications) {
            Deployed.RunningApplication running = deployed.application(application.name());
            if (running == null) {
                continue;
            }
            String where = deployed.name() + ": " + application.name();
            if (!imageName(running.image()).equals(application.name())) {
                problems.add(where + " runs image " + running.image() + ", not " + application.name() + "'s");
            }
            if (!running.containerPorts().equals(List.of(application.port()))) {
                problems.add(where + " listens on " + running.containerPorts() + ", not its quarkus.http.port " + application.port());
            }
            if (!running.healthChecks().contains("/q/health/ready")) {
                problems.add(where + " has no health check on /q/health/ready");
            }
            running.environment().forEach((variable, value) -> {
                Matcher url = APPLICATION_URL.matcher(value);
                if (url.find() && ports.containsKey(url.group(1)) && ports.get(url.group(1)) != Integer.parseInt(url.group(2))) {
                    problems.add(where + "'s " + variable + " names " + url.group(1) + " on port " + url.group(2)
                            + ", but it listens on " + ports.get(url.group(1)));
                }
            });
            services.stream().filter(service -> service.name().equals(application.name())).forEach(service -> {
                String databaseUrl = running.environment().getOrDefault("DB_URL", "");
                if (!databaseUrl.endsWith("/" + service.database())) {
                    problems.add(where + "'s DB_URL " + databaseUrl + " is not its database " + service.database()
                            + " (deploy/services.conf)");
                }
            });
        }
        if (deployed instanceof ComposeFile compose) {
            if (!compose.published().equals(PUBLISHED_TO_THE_HOST)) {
                problems.add("docker-compose.yml publishes " + compose.published() + " to the host, not only " + PUBLISHED_TO_THE_HOST);
            }
            Integer gatewayPort = compose.publishedContainerPort(Suite.GATEWAY);
            if (gatewayPort != null && !gatewayPort.equals(ports.get(Suite.GATEWAY))) {
                problems.add("docker-compose.yml publishes the gateway's container port " + gatewayPort + ", not " + ports.get(Suite.GATEWAY));
            }
        }
        if (deployed instanceof Manifests manifests) {
            ports.forEach((application, port) -> {
                if (!manifests.servicePorts(application).equals(List.of(port))) {
                    problems.add("deploy/kubernetes: Service " + application + " exposes " + manifests.servicePorts(application)
                            + ", not " + port);
                }
            });
        }
        return problems;
    }

    /**
     * Every topic the code produces to or consumes from, and the dead-letter topic of every consumed one, is declared
     * by both deployments with the same partitions and cleanup policy, and neither declares a topic the code does not use.
     */
    public List<String> topics(Deployed compose, Deployed kubernetes) {
        Map<String, String> used = usedTopics();
        List<String> problems = new ArrayList<>();
        for (Deployed deployed : List.of(compose, kubernetes)) {
            Map<String, Deployed.TopicDeclaration> declared = deployed.topics();
            used.forEach((topic, user) -> {
                if (!declared.containsKey(topic)) {
                    problems.add(deployed.name() + " does not declare topic " + topic + " (" + user + ")");
                }
            });
            declared.keySet().stream().filter(topic -> !used.containsKey(topic)).forEach(topic -> problems.add(
                    deployed.name() + " declares topic " + topic + ", which no application produces to or consumes from"));
            declared.values().stream().filter(topic -> topic.name().endsWith(EventTopology.DEAD_LETTER_SUFFIX) && topic.compacted())
                    .forEach(topic -> problems.add(deployed.name() + " compacts dead-letter topic " + topic.name()
                            + ": parked records share their original keys and would be lost"));
        }
        Map<String, Deployed.TopicDeclaration> inKubernetes = kubernetes.topics();
        compose.topics().forEach((name, inCompose) -> {
            Deployed.TopicDeclaration other = inKubernetes.get(name);
            if (other != null && (other.partitions() != inCompose.partitions() || other.compacted() != inCompose.compacted())) {
                problems.add("topic " + name + " has " + inCompose.partitions() + " partitions, " + inCompose.cleanupPolicy() + " in "
                        + compose.name() + " but " + other.partitions() + ", " + other.cleanupPolicy() + " in " + kubernetes.name());
            }
        });
        return problems;
    }

    /**
     * Each service's KafkaUser allows exactly what it does: write the topics it publishes, read those it consumes
     * under its consumer groups, write and read their dead-letter topics. Any other KafkaUser is a dashboard reader,
     * which may only read topics the suite publishes that carry no staff reference, under groups prefixed by its name.
     */
    public List<String> acls(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> serviceUsers = new TreeSet<>();
        for (EventTopology topology : topologies.values()) {
            Map<String, Set<String>> expected = expectedAcls(topology);
            if (expected.isEmpty()) {
                continue;
            }
            serviceUsers.add(topology.application());
            Map<String, Set<String>> actual = manifests.acls(topology.application());
            if (manifests.named("KafkaUser", topology.application()) == null) {
                problems.add("deploy/kubernetes has no KafkaUser " + topology.application());
                continue;
            }
            expected.forEach((resource, operations) -> {
                if (!operations.equals(actual.getOrDefault(resource, Set.of()))) {
                    problems.add("KafkaUser " + topology.application() + " allows " + actual.getOrDefault(resource, Set.of()) + " on "
                            + resource + ", but it needs " + operations);
                }
            });
            actual.keySet().stream().filter(resource -> !expected.containsKey(resource)).forEach(resource -> problems.add(
                    "KafkaUser " + topology.application() + " allows " + actual.get(resource) + " on " + resource
                            + ", which " + topology.application() + " does not use"));
        }
        Set<String> published = new TreeSet<>();
        topologies.values().forEach(topology -> published.addAll(topology.produced()));
        for (String user : manifests.kafkaUsers()) {
            if (serviceUsers.contains(user)) {
                continue;
            }
            if (!"dashboard".equals(Yaml.at(manifests.named("KafkaUser", user), "metadata", "labels", DASHBOARD_READER_LABEL))) {
                problems.add("KafkaUser " + user + " is neither a service that uses Kafka nor labelled "
                        + DASHBOARD_READER_LABEL + ": dashboard");
            }
            manifests.acls(user).forEach((resource, operations) -> {
                String[] parts = resource.split(":", 3);
                if (!READ_OPERATIONS.containsAll(operations)) {
                    problems.add("KafkaUser " + user + " may " + operations + " on " + resource + ": a dashboard only reads");
                } else if (parts[0].equals("group") && !parts[2].startsWith(user)) {
                    problems.add("KafkaUser " + user + " reads under group " + parts[2] + ", which is not named after it");
                } else if (parts[0].equals("topic") && !parts[1].equals("literal")) {
                    problems.add("KafkaUser " + user + " reads topics by " + parts[1] + " pattern " + parts[2] + ": name each topic");
                } else if (parts[0].equals("topic") && !published.contains(parts[2])) {
                    problems.add("KafkaUser " + user + " reads " + parts[2] + ", which is not a topic the suite publishes for readers");
                } else if (parts[0].equals("topic") && eventCatalogue.stream().noneMatch(document -> document.describes(parts[2]))) {
                    problems.add("KafkaUser " + user + " reads " + parts[2] + ", which no AsyncAPI document describes: "
                            + "its messages cannot be checked for staff references");
                } else if (parts[0].equals("topic") && carriesStaffReferences(parts[2])) {
                    problems.add("KafkaUser " + user + " reads " + parts[2] + ", which carries staff references");
                } else if (!parts[0].equals("topic") && !parts[0].equals("group")) {
                    problems.add("KafkaUser " + user + " has an ACL on " + resource + ": a dashboard reads topics only");
                }
            });
        }
        return problems;
    }

    /**
     * The event catalogue tells a dashboard developer what the deployment does: each channel's Kafka binding gives its
     * topic's partitions and cleanup policy as the KafkaTopic does, and a channel says dashboards may read it
     * ({@code x-lxp-readers: [dashboards, services]}) exactly when a dashboard's KafkaUser may read it.
     */
    public List<String> eventCatalogue(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Deployed.TopicDeclaration> declared = manifests.topics();
        Set<String> readByDashboards = new TreeSet<>();
        for (String user : manifests.kafkaUsers()) {
            if ("dashboard".equals(Yaml.at(manifests.named("KafkaUser", user), "metadata", "labels", DASHBOARD_READER_LABEL))) {
                manifests.acls(user).forEach((resource, operations) -> {
                    String[] parts = resource.split(":", 3);
                    if (parts[0].equals("topic") && operations.contains("Read")) {
                        readByDashboards.add(parts[2]);
                    }
                });
            }
        }
        for (AsyncApiDocument document : eventCatalogue) {
            for (AsyncApiDocument.ChannelTopic channel : document.channelTopics()) {
                Deployed.TopicDeclaration topic = declared.get(channel.topic());
                if (topic == null) {
                    problems.add("The event catalogue describes " + channel.topic() + ", which deploy/kubernetes does not declare");
                } else if (!Objects.equals(channel.partitions(), topic.partitions())
                        || !Objects.equals(channel.cleanupPolicy(), topic.cleanupPolicy())) {
                    problems.add("The event catalogue gives " + channel.topic() + " " + channel.partitions() + " partitions and cleanup policy "
                            + channel.cleanupPolicy() + ", but deploy/kubernetes " + topic.partitions() + " and " + topic.cleanupPolicy());
                }
                boolean saysDashboards = channel.readers().contains("dashboards");
                if (saysDashboards != readByDashboards.contains(channel.topic())) {
                    problems.add("The event catalogue says " + channel.readers() + " read " + channel.topic() + ", but "
                            + (saysDashboards ? "no" : "a") + " dashboard's KafkaUser may");
                }
            }
        }
        return problems;
    }

    /**
     * Nothing in the namespace takes a connection unless a policy allows it; only the gateway and Keycloak accept any
     * source; each service's database admits, besides its own instances and the operator, only that service's pods;
     * every Kafka listener admits only the peers it names.
     */
    public List<String> networkPolicies(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> policies = manifests.ofKind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(policy -> Yaml.map(Yaml.at(policy, "spec", "podSelector")).isEmpty()
                && Yaml.list(Yaml.at(policy, "spec", "ingress")).isEmpty());
        if (!defaultDeny) {
            problems.add("deploy/kubernetes has no NetworkPolicy denying every ingress by default");
        }
        for (Map<String, Object> policy : policies) {
            Object selected = Yaml.at(policy, "spec", "podSelector", "matchLabels");
            boolean openToAll = Yaml.list(Yaml.at(policy, "spec", "ingress")).stream()
                    .anyMatch(rule -> Yaml.list(Yaml.map(rule).get("from")).isEmpty());
            if (openToAll && !OPEN_TO_ALL.contains(String.valueOf(selected))) {
                problems.add("NetworkPolicy " + Yaml.at(policy, "metadata", "name") + " admits any source to " + selected
                        + ": only the gateway and Keycloak may be reached from outside the namespace");
            }
        }
        for (SuiteServices.Service service : services) {
            String cluster = service.database().replace('_', '-') + "-db";
            List<Map<String, Object>> guarding = policies.stream()
                    .filter(policy -> cluster.equals(Yaml.at(policy, "spec", "podSelector", "matchLabels", "cnpg.io/cluster"))).toList();
            if (guarding.isEmpty()) {
                problems.add("no NetworkPolicy guards database " + cluster);
            }
            for (Map<String, Object> policy : guarding) {
                for (Object rule : Yaml.list(Yaml.at(policy, "spec", "ingress"))) {
                    for (Object peer : Yaml.list(Yaml.map(rule).get("from"))) {
                        Object application = Yaml.at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
                        Object instance = Yaml.at(peer, "podSelector", "matchLabels", "cnpg.io/cluster");
                        Object namespace = Yaml.at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                        boolean allowed = service.name().equals(application) || cluster.equals(instance)
                                || (CNPG_OPERATOR_NAMESPACE.equals(namespace) && Yaml.at(peer, "podSelector") == null);
                        if (!allowed) {
                            problems.add("NetworkPolicy " + Yaml.at(policy, "metadata", "name") + " admits " + peer + " to database "
                                    + cluster + ", which only " + service.name() + " uses");
                        }
                    }
                }
            }
        }
        for (Map<String, Object> kafka : manifests.ofKind("Kafka")) {
            for (Object listener : Yaml.list(Yaml.at(kafka, "spec", "kafka", "listeners"))) {
                if (Yaml.list(Yaml.map(listener).get("networkPolicyPeers")).isEmpty()) {
                    problems.add("Kafka listener " + Yaml.map(listener).get("name") + " admits any pod: name its networkPolicyPeers");
                }
            }
        }
        return problems;
    }

    /** Every topic some application uses, with who uses it (for the problem's wording). */
    private Map<String, String> usedTopics() {
        Map<String, String> used = new TreeMap<>();
        topologies.values().forEach(topology -> {
            topology.produced().forEach(topic -> used.putIfAbsent(topic, "published by " + topology.application()));
            topology.subscriptions().forEach(subscription -> subscription.topics().forEach(
                    topic -> used.putIfAbsent(topic, "consumed by " + subscription.group())));
            topology.deadLetterTopics().forEach(topic -> used.putIfAbsent(topic, "dead letters of " + topology.application()));
        });
        return used;
    }

    private static Map<String, Set<String>> expectedAcls(EventTopology topology) {
        Map<String, Set<String>> acls = new TreeMap<>();
        topology.produced().forEach(topic -> allow(acls, "topic:literal:" + topic, "Describe", "Write"));
        topology.subscriptions().forEach(subscription -> {
            allow(acls, "group:literal:" + subscription.group(), "Read");
            subscription.topics().forEach(topic -> {
                allow(acls, "topic:literal:" + topic, "Describe", "Read");
                allow(acls, "topic:literal:" + topic + EventTopology.DEAD_LETTER_SUFFIX, "Describe", "Read", "Write");
            });
        });
        return acls;
    }

    private static void allow(Map<String, Set<String>> acls, String resource, String... operations) {
        acls.computeIfAbsent(resource, ignored -> new TreeSet<>()).addAll(List.of(operations));
    }

    private boolean carriesStaffReferences(String topic) {
        return eventCatalogue.stream().anyMatch(document -> document.carriesStaffReferences(topic));
    }

    private static Set<String> imageEnvironment(Suite.Application application) {
        Set<String> variables = new TreeSet<>();
        Suite.readIfPresent(application.dockerfile()).ifPresent(dockerfile -> {
            for (Matcher variable = DOCKERFILE_ENV.matcher(dockerfile); variable.find();) {
                variables.add(variable.group(1));
            }
        });
        return variables;
    }

    /** The repository path's last segment without registry or tag: registry.example/lxp/gateway:1.0 is gateway. */
    private static String imageName(String image) {
        String withoutTag = image.replaceFirst("[:@][^/]*$", "");
        return withoutTag.substring(withoutTag.lastIndexOf('/') + 1);
    }
}
