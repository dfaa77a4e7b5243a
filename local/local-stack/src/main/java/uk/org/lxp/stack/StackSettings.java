package uk.org.lxp.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.org.lxp.http.SuiteServices;

/**
 * Where the stack lives, how far it is scaled out and which loopback ports it uses: the infrastructure's, the
 * gateway's and one per instance of each service of deploy/services.conf. Every port can be moved by an environment
 * variable, so a taken port is never a dead end and a test can run a stack beside a developer's own.
 */
public record StackSettings(Path root, Path home, List<SuiteServices.Service> services, int instances, int brokers,
        Map<Port, Integer> ports) {

    /** How many instances of each service run (default 1); the gateway takes them in turn. */
    public static final String INSTANCES = "LXP_SERVICE_INSTANCES";
    /** How many Kafka brokers form the cluster (default 1); with three, topics are replicated three times. */
    public static final String BROKERS = "LXP_KAFKA_BROKERS";
    /** What {@code ./lxp up --scaled-out} sets: two instances of each service and a three-broker cluster. */
    public static final Map<String, String> SCALED_OUT = Map.of(INSTANCES, "2", BROKERS, "3");
    private static final int MAX_INSTANCES = 3;
    private static final int MAX_BROKERS = 3;

    /** A port the stack listens on, who listens on it, and the variable that moves it. */
    public record Port(String owner, String variable, int defaultPort) {

        public static final Port GATEWAY = new Port("gateway", "LXP_GATEWAY_PORT", 8080);
        public static final Port KEYCLOAK = new Port("keycloak", "LXP_KEYCLOAK_PORT", 8180);
        public static final Port POSTGRES = new Port("postgres", "LXP_POSTGRES_PORT", 15432);
        public static final Port KAFKA = new Port("kafka", "LXP_KAFKA_PORT", 19092);
        public static final Port KAFKA_CONTROLLER = new Port("kafka (controller)", "LXP_KAFKA_CONTROLLER_PORT", 19093);

        /** A service's port, moved by e.g. LXP_ROLES_PORT for roles-service. */
        public static Port of(SuiteServices.Service service) {
            return of(service, 1);
        }

        /**
         * The port of a service's n-th instance: the first's as above; the second's moved by e.g. LXP_ROLES_PORT_2,
         * 100 above the first's by default (8181 for roles-service), and so on.
         */
        public static Port of(SuiteServices.Service service, int instance) {
            String stem = service.name().replaceAll("-service$", "").toUpperCase(Locale.ROOT).replace('-', '_');
            return new Port(instanceName(service.name(), instance), numbered("LXP_" + stem + "_PORT", instance),
                    service.localPort() + 100 * (instance - 1));
        }

        /** The client port of the n-th Kafka broker: LXP_KAFKA_PORT, then LXP_KAFKA_PORT_2 (19094), LXP_KAFKA_PORT_3. */
        public static Port kafka(int broker) {
            return broker == 1 ? KAFKA : new Port(instanceName("kafka", broker), numbered(KAFKA.variable(), broker),
                    KAFKA.defaultPort() + 2 * (broker - 1));
        }

        /** The controller port of the n-th Kafka broker, one above its client port by default. */
        public static Port kafkaController(int broker) {
            return broker == 1 ? KAFKA_CONTROLLER : new Port(instanceName("kafka", broker) + " (controller)",
                    numbered(KAFKA_CONTROLLER.variable(), broker), KAFKA_CONTROLLER.defaultPort() + 2 * (broker - 1));
        }

        private static String numbered(String variable, int instance) {
            return instance == 1 ? variable : variable + "_" + instance;
        }
    }

    /** A component's name: the first instance's is the plain name (roles-service), the others' numbered (roles-service-2). */
    public static String instanceName(String name, int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    private static final List<Port> INFRASTRUCTURE = List.of(Port.GATEWAY, Port.KEYCLOAK, Port.POSTGRES);

    /**
     * The repository root comes from ./lxp; the stack's home is .lxp under it unless LXP_HOME says otherwise; the
     * services are those of deploy/services.conf.
     */
    public static StackSettings from(Path root, Map<String, String> environment) {
        return from(root, SuiteServices.read(root.resolve("deploy/services.conf")), environment);
    }

    static StackSettings from(Path root, List<SuiteServices.Service> services, Map<String, String> environment) {
        Path home = environment.containsKey("LXP_HOME")
                ? Path.of(environment.get("LXP_HOME")).toAbsolutePath().normalize()
                : root.resolve(".lxp");
        int instances = count(environment, INSTANCES, MAX_INSTANCES);
        int brokers = count(environment, BROKERS, MAX_BROKERS);
        List<Port> all = new ArrayList<>(INFRASTRUCTURE);
        for (int broker = 1; broker <= brokers; broker++) {
            all.add(Port.kafka(broker));
            all.add(Port.kafkaController(broker));
        }
        for (int instance = 1; instance <= instances; instance++) {
            int n = instance;
            services.forEach(service -> all.add(Port.of(service, n)));
        }
        Map<Port, Integer> ports = new LinkedHashMap<>();
        for (Port port : all) {
            String value = environment.get(port.variable());
            ports.put(port, value == null || value.isBlank() ? port.defaultPort() : parsePort(port, value));
        }
        return new StackSettings(root, home, List.copyOf(services), instances, brokers, ports);
    }

    private static int count(Map<String, String> environment, String variable, int most) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= most) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the variable's name.
        }
        throw new StackException(variable + "=" + value + " is not a number from 1 to " + most);
    }

    private static int parsePort(Port port, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0 && number < 65536) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the variable's name.
        }
        throw new StackException(port.variable() + "=" + value + " is not a port number (1 to 65535)");
    }

    /** Every port the stack uses, infrastructure first. */
    public List<Port> allPorts() {
        return List.copyOf(ports.keySet());
    }

    public int port(Port port) {
        return ports.get(port);
    }

    public String url(Port port) {
        return "http://127.0.0.1:" + port(port);
    }

    /** Where a service's first instance listens. */
    public String url(SuiteServices.Service service) {
        return url(Port.of(service));
    }

    /** Where each instance of a service listens, first instance first. */
    public List<String> urls(SuiteServices.Service service) {
        List<String> urls = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            urls.add(url(Port.of(service, instance)));
        }
        return urls;
    }

    /** The Kafka brokers' client addresses, for a client's bootstrap.servers. */
    public String kafkaBootstrapServers() {
        List<String> addresses = new ArrayList<>();
        for (int broker = 1; broker <= brokers; broker++) {
            addresses.add("127.0.0.1:" + port(Port.kafka(broker)));
        }
        return String.join(",", addresses);
    }

    /** A database of the stack's PostgreSQL, as its services and Keycloak connect to it. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port(Port.POSTGRES) + "/" + database;
    }

    public String issuer() {
        return url(Port.KEYCLOAK) + "/realms/lxp";
    }

    /** Everything that must survive a restart: databases, broker log, credentials. {@code --reset} deletes it. */
    public Path data() {
        return home.resolve("data");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path stateFile() {
        return home.resolve("stack.properties");
    }

    public Path realmFile() {
        return root.resolve("deploy/keycloak/lxp-realm.json");
    }

    /** The built application of a module at the top of the repository (a service or the gateway). */
    public Path application(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where the build put the local stack's own artefacts (the Keycloak distribution). */
    public Path localStackBuild() {
        return root.resolve("local/local-stack/target");
    }
}
