package uk.org.lxp.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command behind {@code ./lxp}: up, down, status, kill, stop, start, events, token, dead-letters ({@code bench} is
 * local/bench's).
 */
public final class Lxp {

    private static final String USAGE = String.join("\n",
            "usage: ./lxp <command>",
            "  up [--reset] [--no-demo] [--scaled-out]",
            "                             start everything in the foreground (Ctrl-C stops); --reset deletes the data first;",
            "                             --scaled-out runs two instances of each service and three Kafka brokers",
            "  down                       stop the stack that ./lxp up runs",
            "  status                     the running components, their processes and memory",
            "  kill <component>           kill one at once, as a crash would (e.g. kafka-2); the launcher starts it again",
            "  stop <component>           stop one (e.g. postgres, keycloak) and keep it stopped",
            "  start <component>          start again what ./lxp stop stopped, and wait until it is ready",
            "  events [--from-beginning]  print the CloudEvents on every topic as they happen",
            "  token <client>             print an access token for a client of the realm, e.g. hr-rgd",
            "  dead-letters [<service>]   list what the services' event consumers parked (exit 4 while any is outstanding)",
            "    <service> --replay <id>...  |  <service> --replay-all <consumer>   replay them once the cause is fixed",
            "  bench <benchmark>          run a benchmark on a stack of its own and record it in docs/performance.md",
            "Ports move with LXP_GATEWAY_PORT, LXP_KEYCLOAK_PORT, LXP_POSTGRES_PORT, LXP_KAFKA_PORT, ...;",
            "the scale with LXP_SERVICE_INSTANCES (1 to 3) and LXP_KAFKA_BROKERS (1 to 3);",
            "the data folder with LXP_HOME (default .lxp); Keycloak's JDK 21+ with KEYCLOAK_JAVA_HOME.");

    private Lxp() {
    }

    public static void main(String[] args) {
        // The Kafka and PostgreSQL clients warn while a server is still starting; the launcher reports that itself.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path root = Path.of(System.getProperty("lxp.root", ".")).toAbsolutePath().normalize();
        int code;
        try {
            code = run(root, System.getenv(), Arrays.asList(args), System.out);
        } catch (StackException e) {
            System.err.println("lxp: " + e.getMessage());
            code = 1;
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(Path root, Map<String, String> environment, List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        StackSettings settings = StackSettings.from(root, environment);
        List<String> options = args.subList(1, args.size());
        switch (args.get(0)) {
            case "up":
                requireOptions(options, List.of("--reset", "--no-demo", "--scaled-out"));
                Map<String, String> scale = new HashMap<>(environment);
                if (options.contains("--scaled-out")) {
                    scale.putAll(StackSettings.SCALED_OUT);
                }
                return new Stack(StackSettings.from(root, scale), scale, out)
                        .up(options.contains("--reset"), !options.contains("--no-demo"));
            case "down":
                requireOptions(options, List.of());
                return StackControl.down(settings, out);
            case "status":
                requireOptions(options, List.of());
                return StackControl.status(settings, out);
            case "kill":
                return StackControl.kill(settings, component(args), out);
            case "stop":
                return StackControl.stop(settings, component(args), out);
            case "start":
                return StackControl.start(settings, component(args), out);
            case "events":
                requireOptions(options, List.of("--from-beginning"));
                return EventTail.run(runningAddress(settings, "kafka"), options.contains("--from-beginning"), out);
            case "token":
                if (options.size() != 1) {
                    throw new StackException("usage: ./lxp token <client>, e.g. ./lxp token hr-rgd");
                }
                String issuer = runningAddress(settings, "keycloak") + "/realms/lxp";
                out.println(new KeycloakTokens(issuer, RealmFile.read(settings.realmFile())).accessToken(options.get(0)));
                return 0;
            case "dead-letters":
                String keycloak = runningAddress(settings, "keycloak") + "/realms/lxp";
                return DeadLetterCommand.run(settings, runningAddress(settings, "gateway"),
                        new KeycloakTokens(keycloak, RealmFile.read(settings.realmFile())), options, out);
            case "help":
            case "--help":
                out.println(USAGE);
                return 0;
            default:
                out.println("Unknown command " + args.get(0) + "\n" + USAGE);
                return 2;
        }
    }

    private static String runningAddress(StackSettings settings, String component) {
        return StackState.read(settings.stateFile())
                .filter(state -> state.launcher().isPresent())
                .flatMap(state -> state.address(component))
                .orElseThrow(() -> new StackException("No running stack with " + component + " from " + settings.home()
                        + ": start it with ./lxp up"));
    }

    private static String component(List<String> args) {
        if (args.size() != 2) {
            throw new StackException("usage: ./lxp " + args.get(0) + " <component>, e.g. ./lxp " + args.get(0)
                    + " kafka-2; ./lxp status lists them");
        }
        return args.get(1);
    }

    private static void requireOptions(List<String> given, List<String> allowed) {
        for (String option : given) {
            if (!allowed.contains(option)) {
                throw new StackException("Unknown option " + option + (allowed.isEmpty() ? "" : "; allowed: " + allowed));
            }
        }
    }
}
