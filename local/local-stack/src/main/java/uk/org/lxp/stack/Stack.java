package uk.org.lxp.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import uk.org.lxp.demo.DemoDataLoader;
import uk.org.lxp.demo.DemoSummary;
import uk.org.lxp.http.SuiteServices;
import uk.org.lxp.stack.StackSettings.Port;

/**
 * {@code ./lxp up}: starts PostgreSQL, Kafka, Keycloak, the services and the gateway in order, each as its own
 * process, waits for each to be ready, loads the demo data once, and keeps everything running until Ctrl-C,
 * {@code ./lxp down} or a component failing. Stopping goes in reverse order.
 */
final class Stack {

    private static final Duration DEMO_DATA_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEMO_MARKER = "demo-data.loaded";

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final List<Component> started = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Instant began = Instant.now();
    private StackState state;

    Stack(StackSettings settings, Map<String, String> environment, PrintStream out) {
        this.settings = settings;
        this.environment = environment;
        this.out = out;
    }

    /** Runs the stack in the foreground; returns the exit code once it has stopped. */
    int up(boolean reset, boolean loadDemoData) {
        refuseIfRunning();
        refuseTakenPorts();
        Path keycloakJava = JavaRuntimes.atLeast(21, environment);
        if (reset) {
            deleteRecursively(settings.data());
        }
        out.println("Starting the LXP Workforce Suite in " + settings.home());
        state = StackState.create(settings.stateFile());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "lxp-stop"));
        try {
            startComponents(keycloakJava);
            loadDemoData(loadDemoData);
        } catch (StackException e) {
            if (stopping.get()) {
                return 0;
            }
            out.println();
            out.println("The stack could not start: " + e.getMessage());
            out.println("Stopping what had started.");
            stop();
            return 1;
        }
        printReady();
        return runUntilStopped();
    }

    private void startComponents(Path keycloakJava) {
        Path java = JavaRuntimes.current();
        String marker = "-Dlxp.stack=" + settings.home();
        Credentials credentials = Credentials.in(settings.data());

        Instant begun = starting("postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(settings.data().resolve("postgres"),
                settings.port(Port.POSTGRES), settings.logs().resolve("postgres.log"));
        register(database);
        for (SuiteServices.Service service : settings.services()) {
            String login = QuarkusApplication.login(service);
            database.ensureDatabase(service.database(), login, credentials.password(login));
        }
        database.ensureDatabase("keycloak", "keycloak", credentials.password("keycloak"));
        ready("postgres", "127.0.0.1:" + settings.port(Port.POSTGRES) + ", one database and login per service", begun);

        begun = starting("kafka");
        ChildProcess kafka = register(KafkaBroker.start(settings, java.resolve("bin/java"), marker));
        Instant keycloakBegun = starting("keycloak");
        ChildProcess keycloak = register(KeycloakServer.start(settings, credentials, keycloakJava, marker,
                detail -> line("keycloak", detail)));
        String bootstrapServers = "127.0.0.1:" + settings.port(Port.KAFKA);
        KafkaBroker.awaitReady(kafka, bootstrapServers);
        List<DeclaredTopics.Topic> topics = DeclaredTopics.read(settings.root());
        int created = KafkaBroker.createDeclaredTopics(bootstrapServers, topics);
        state.recordAddress("kafka", bootstrapServers);
        ready("kafka", bootstrapServers + " (KRaft), " + topics.size() + " topics (" + created + " created now)", begun);
        KeycloakServer.awaitReady(keycloak, settings);
        state.recordAddress("keycloak", settings.url(Port.KEYCLOAK));
        ready("keycloak", settings.url(Port.KEYCLOAK) + ", realm lxp", keycloakBegun);

        List<ChildProcess> services = new ArrayList<>();
        Map<String, Instant> serviceBegun = new HashMap<>();
        for (SuiteServices.Service service : settings.services()) {
            serviceBegun.put(service.name(), starting(service.name()));
            Map<String, String> variables = QuarkusApplication.serviceVariables(settings, service,
                    settings.port(Port.of(service)));
            services.add(register(QuarkusApplication.start(settings, service.name(), java, marker, variables)));
        }
        for (int i = 0; i < settings.services().size(); i++) {
            SuiteServices.Service service = settings.services().get(i);
            QuarkusApplication.awaitReady(services.get(i), settings.url(service));
            ready(service.name(), settings.url(service), serviceBegun.get(service.name()));
        }

        begun = starting("gateway");
        Map<String, String> gatewayVariables = QuarkusApplication.gatewayVariables(settings, settings.port(Port.GATEWAY));
        ChildProcess gateway = register(QuarkusApplication.start(settings, "gateway", java, marker, gatewayVariables));
        QuarkusApplication.awaitReady(gateway, settings.url(Port.GATEWAY));
        state.recordAddress("gateway", settings.url(Port.GATEWAY));
        ready("gateway", settings.url(Port.GATEWAY), begun);
    }

    /** Through the gateway, as the HR systems and the national team would; once per data folder. */
    private void loadDemoData(boolean wanted) {
        Path marker = settings.data().resolve(DEMO_MARKER);
        if (!wanted) {
            line("demo data", "not loaded (--no-demo)");
            return;
        }
        if (Files.isRegularFile(marker)) {
            line("demo data", "loaded on the first run (" + read(marker).lines().findFirst().orElse("") + ")");
            return;
        }
        Instant begun = starting("demo data");
        KeycloakTokens tokens = new KeycloakTokens(settings.issuer(), RealmFile.read(settings.realmFile()));
        DemoSummary summary;
        try {
            summary = new DemoDataLoader(URI.create(settings.url(Port.GATEWAY)), tokens,
                    detail -> line("demo data", detail), DEMO_DATA_TIMEOUT).load();
        } catch (RuntimeException e) {
            throw new StackException("loading the demo data failed: " + e.getMessage(), e);
        }
        write(marker, Instant.now() + "\n" + summary + "\n");
        if (!summary.storiesNotShown().isEmpty()) {
            line("demo data", "findings not raised yet (the service may still be evaluating): " + summary.storiesNotShown());
        }
        ready("demo data", "loaded through the gateway", begun);
    }

    private int runUntilStopped() {
        CompletableFuture.anyOf(started.stream().map(Component::onExit).toArray(CompletableFuture[]::new)).join();
        if (stopping.get()) {
            return 0;
        }
        started.stream().filter(component -> !component.isAlive()).findFirst().ifPresent(component -> {
            out.println();
            out.println(component.name() + " stopped unexpectedly; stopping the stack.");
            out.println(component.logTail());
        });
        stop();
        return 1;
    }

    /** Stops every component, newest first, once; the shutdown hook and a failure may both ask. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        List<Component> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        for (Component component : newestFirst) {
            if (component.isAlive()) {
                Instant begun = Instant.now();
                component.stop();
                line(component.name(), "stopped (" + seconds(begun) + ")");
            }
        }
        if (state != null) {
            state.delete();
        }
        out.println("Stopped.");
    }

    private <T extends Component> T register(T component) {
        started.add(component);
        state.recordComponent(component);
        return component;
    }

    private void printReady() {
        long memory = started.stream()
                .flatMap(component -> ProcessHandle.of(component.pid()).stream())
                .mapToLong(Memory::bytes)
                .sum();
        out.println();
        out.println("The LXP Workforce Suite is ready (" + seconds(began) + ", " + Memory.megabytes(memory)
                + " of memory). Ctrl-C or ./lxp down stops it.");
        Banner.print(out, settings, RealmFile.read(settings.realmFile()));
    }

    private void refuseIfRunning() {
        StackState.read(settings.stateFile()).ifPresent(existing -> {
            existing.launcher().ifPresent(launcher -> {
                throw new StackException("A stack is already running from " + settings.home() + " (launcher pid "
                        + launcher.pid() + "). Stop it with ./lxp down, or give this one another LXP_HOME.");
            });
            if (!existing.components().isEmpty()) {
                out.println("Stopping what an earlier run left behind: " + existing.components().keySet());
                StackControl.stopLeftovers(existing, out);
            }
            existing.delete();
        });
    }

    private void refuseTakenPorts() {
        List<String> taken = new ArrayList<>();
        for (Port port : settings.allPorts()) {
            int number = settings.port(port);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), number));
            } catch (IOException inUse) {
                taken.add("  " + number + " for " + port.owner() + " (choose another with " + port.variable() + "=<port>)");
            }
        }
        if (!taken.isEmpty()) {
            throw new StackException("These ports on 127.0.0.1 are in use by another program:\n" + String.join("\n", taken));
        }
    }

    private Instant starting(String component) {
        line(component, "starting");
        return Instant.now();
    }

    private void ready(String component, String where, Instant begun) {
        line(component, "ready in " + seconds(begun) + ": " + where);
    }

    private void line(String component, String detail) {
        out.printf("  %-20s %s%n", component, detail);
        out.flush();
    }

    private static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new StackException("Could not delete " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
