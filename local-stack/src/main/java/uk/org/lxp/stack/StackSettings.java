package uk.org.lxp.stack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the stack lives and which loopback ports it uses. Every port can be moved by an environment variable, so a
 * taken port is never a dead end and a test can run a stack beside a developer's own.
 */
public record StackSettings(Path root, Path home, Map<Port, Integer> ports) {

    public enum Port {
        GATEWAY("gateway", "LXP_GATEWAY_PORT", 8080),
        ROLES_SERVICE("roles-service", "LXP_ROLES_PORT", 8081),
        PAY_EQUITY_SERVICE("pay-equity-service", "LXP_PAY_EQUITY_PORT", 8082),
        SUPERVISION_SERVICE("supervision-service", "LXP_SUPERVISION_PORT", 8083),
        KEYCLOAK("keycloak", "LXP_KEYCLOAK_PORT", 8180),
        POSTGRES("postgres", "LXP_POSTGRES_PORT", 15432),
        KAFKA("kafka", "LXP_KAFKA_PORT", 19092),
        KAFKA_CONTROLLER("kafka (controller)", "LXP_KAFKA_CONTROLLER_PORT", 19093);

        private final String owner;
        private final String variable;
        private final int defaultPort;

        Port(String owner, String variable, int defaultPort) {
            this.owner = owner;
            this.variable = variable;
            this.defaultPort = defaultPort;
        }

        public String owner() {
            return owner;
        }

        public String variable() {
            return variable;
        }
    }

    /** The repository root comes from ./lxp; the stack's home is .lxp under it unless LXP_HOME says otherwise. */
    public static StackSettings from(Path root, Map<String, String> environment) {
        Path home = environment.containsKey("LXP_HOME")
                ? Path.of(environment.get("LXP_HOME")).toAbsolutePath().normalize()
                : root.resolve(".lxp");
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            String value = environment.get(port.variable);
            ports.put(port, value == null || value.isBlank() ? port.defaultPort : parsePort(port, value));
        }
        return new StackSettings(root, home, Map.copyOf(ports));
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
        throw new StackException(port.variable + "=" + value + " is not a port number (1 to 65535)");
    }

    public int port(Port port) {
        return ports.get(port);
    }

    public String url(Port port) {
        return "http://127.0.0.1:" + port(port);
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

    public Path application(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
