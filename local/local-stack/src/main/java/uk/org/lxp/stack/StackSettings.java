package uk.org.lxp.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import uk.org.lxp.http.SuiteServices;

/**
 * Where the stack lives and which loopback ports it uses: the infrastructure's, the gateway's and one per service of
 * deploy/services.conf. Every port can be moved by an environment variable, so a taken port is never a dead end and a
 * test can run a stack beside a developer's own.
 */
public record StackSettings(Path root, Path home, List<SuiteServices.Service> services, Map<Port, Integer> ports) {

    /** A port the stack listens on, who listens on it, and the variable that moves it. */
    public record Port(String owner, String variable, int defaultPort) {

        public static final Port GATEWAY = new Port("gateway", "LXP_GATEWAY_PORT", 8080);
        public static final Port KEYCLOAK = new Port("keycloak", "LXP_KEYCLOAK_PORT", 8180);
        public static final Port POSTGRES = new Port("postgres", "LXP_POSTGRES_PORT", 15432);
        public static final Port KAFKA = new Port("kafka", "LXP_KAFKA_PORT", 19092);
        public static final Port KAFKA_CONTROLLER = new Port("kafka (controller)", "LXP_KAFKA_CONTROLLER_PORT", 19093);

        /** A service's port, moved by e.g. LXP_ROLES_PORT for roles-service. */
        public static Port of(SuiteServices.Service service) {
            String stem = service.name().replaceAll("-service$", "").toUpperCase(Locale.ROOT).replace('-', '_');
            return new Port(service.name(), "LXP_" + stem + "_PORT", service.localPort());
        }
    }

    private static final List<Port> INFRASTRUCTURE = List.of(Port.GATEWAY, Port.KEYCLOAK, Port.POSTGRES, Port.KAFKA,
            Port.KAFKA_CONTROLLER);

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
        List<Port> all = new ArrayList<>(INFRASTRUCTURE);
        services.forEach(service -> all.add(Port.of(service)));
        Map<Port, Integer> ports = new LinkedHashMap<>();
        for (Port port : all) {
            String value = environment.get(port.variable());
            ports.put(port, value == null || value.isBlank() ? port.defaultPort() : parsePort(port, value));
        }
        return new StackSettings(root, home, List.copyOf(services), ports);
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

    public String url(SuiteServices.Service service) {
        return url(Port.of(service));
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
