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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import uk.org.lxp.demo.DemoDataLoader;
import uk.org.lxp.demo.DemoSummary;
import uk.org.lxp.http.SuiteServices;
import uk.org.lxp.stack.StackSettings.Port;

/**
 * {@code ./lxp up}: starts PostgreSQL, Kafka, Keycloak, the services and the gateway in order, each as its own
 * process, waits for each to be ready, loads the demo data once, and keeps everything running until Ctrl-C,
 * {@code ./lxp down}. A component that stops unexpectedly is started again (scaled out, the other brokers or instances
 * of its kind carry on meanwhile); {@code ./lxp stop} and {@code ./lxp start} stop one and start it again, for fault
 * drills. The stack stops if a component cannot be started again. Stopping goes in reverse order.
 */
final class Stack {

    /** Starts a component again and returns it once it is ready. */
    private interface Restart {
        Component startAgain();
    }

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private static final Duration DEMO_DATA_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEMO_MARKER = "demo-data.loaded";

    private final StackSettings settings;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final List<Component> started = new CopyOnWriteArrayList<>();
    /** Every component's name in the order it first started, the reverse of the order to stop in. */
    private final List<String> startOrder = new CopyOnWriteArrayList<>();
    private final Map<String, Restart> restarts = new ConcurrentHashMap<>();
    private final HeldComponents held;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Instant began = Instant.now();
    private StackState state;

    Stack(StackSettings settings, Map<String, String> environment, PrintStream out) {
        this.settings = settings;
        this.environment = environment;
        this.out = out;
        this.held = new HeldComponents(settings);
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
        held.clear();
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
        EmbeddedDatabase database = supervise(() -> EmbeddedDatabase.start(settings.data().resolve("postgres"),
                settings.port(Port.POSTGRES), settings.logs().resolve("postgres.log")),
                acceptingConnections -> { });
        for (SuiteServices.Service service : settings.services()) {
            String login = QuarkusApplication.login(service);
            database.ensureDatabase(service.database(), login, credentials.password(login));
        }
        database.ensureDatabase("keycloak", "keycloak", credentials.password("keycloak"));
        ready("postgres", "127.0.0.1:" + settings.port(Port.POSTGRES) + ", one database and login per service", begun);

        begun = starting("kafka");
        List<ChildProcess> brokers = new ArrayList<>();
        for (int node = 1; node <= settings.brokers(); node++) {
            int broker = node;
            Supplier<ChildProcess> start = () -> KafkaBroker.start(settings, broker, java.resolve("bin/java"), marker);
            String address = "127.0.0.1:" + settings.port(Port.kafka(broker));
            brokers.add(supervise(start, again -> KafkaBroker.awaitRejoined(again, address, broker)));
        }
        Instant keycloakBegun = starting("keycloak");
        ChildProcess keycloak = supervise(() -> KeycloakServer.start(settings, credentials, keycloakJava, marker,
                detail -> line("keycloak", detail)), again -> KeycloakServer.awaitReady(again, settings));
        String bootstrapServers = settings.kafkaBootstrapServers();
        KafkaBroker.awaitReady(brokers, bootstrapServers, settings.brokers());
        List<DeclaredTopics.Topic> topics = DeclaredTopics.read(settings.root());
        int created = KafkaBroker.createDeclaredTopics(bootstrapServers, settings.brokers(), topics);
        state.recordAddress("kafka", bootstrapServers);
        String cluster = settings.brokers() == 1 ? " (KRaft), "
                : " (KRaft, " + settings.brokers() + " brokers, each topic copied to up to 3 of them), ";
        ready("kafka", bootstrapServers + cluster + topics.size() + " topics (" + created + " created now)", begun);
        KeycloakServer.awaitReady(keycloak, settings);
        state.recordAddress("keycloak", settings.url(Port.KEYCLOAK));
        ready("keycloak", settings.url(Port.KEYCLOAK) + ", realm lxp", keycloakBegun);

        Map<ChildProcess, String> serviceUrls = new LinkedHashMap<>();
        Map<ChildProcess, Instant> serviceBegun = new HashMap<>();
        for (int n = 1; n <= settings.instances(); n++) {
            int instance = n;
            for (SuiteServices.Service service : settings.services()) {
                String name = StackSettings.instanceName(service.name(), instance);
                int port = settings.port(Port.of(service, instance));
                String url = settings.url(Port.of(service, instance));
                Map<String, String> variables = QuarkusApplication.serviceVariables(settings, service, port);
                Instant serviceStarting = starting(name);
                ChildProcess instanceProcess = supervise(
                        () -> QuarkusApplication.start(settings, service.name(), name, java, marker, variables),
                        again -> QuarkusApplication.awaitReady(again, url));
                serviceUrls.put(instanceProcess, url);
                serviceBegun.put(instanceProcess, serviceStarting);
            }
        }
        serviceUrls.forEach((service, url) -> {
            QuarkusApplication.awaitReady(service, url);
            ready(service.name(), url, serviceBegun.get(service));
        });

        begun = starting("gateway");
        Map<String, String> gatewayVariables = QuarkusApplication.gatewayVariables(settings, settings.port(Port.GATEWAY));
        ChildProcess gateway = supervise(() -> QuarkusApplication.start(settings, "gateway", "gateway", java, marker,
                gatewayVariables), again -> QuarkusApplication.awaitReady(again, settings.url(Port.GATEWAY)));
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

    /**
     * Starts a component and remembers how to start it again: should it stop while the stack runs, the launcher starts
     * it again, as an orchestrator would, unless {@code ./lxp stop} stopped it (then {@code ./lxp start} does).
     */
    private <T extends Component> T supervise(Supplier<T> start, Consumer<T> awaitReady) {
        T component = register(start.get());
        restarts.put(component.name(), () -> {
            T again = register(start.get());
            awaitReady.accept(again);
            return again;
        });
        return component;
    }

    /**
     * Watches the components until the stack is stopped: one that stops unexpectedly is started again, one stopped by
     * {@code ./lxp stop} once {@code ./lxp start} asks. If one cannot be started again, the stack stops.
     */
    private int runUntilStopped() {
        Set<String> stoppedByOperator = new LinkedHashSet<>();
        while (!stopping.get()) {
            for (Component component : started) {
                if (stopping.get()) {
                    break;
                }
                if (component.isAlive() && held.stopRequested(component.name())) {
                    out.println();
                    component.stop();
                    started.remove(component);
                    stoppedByOperator.add(component.name());
                    held.hold(component.name());
                    line(component.name(), "stopped by ./lxp stop; ./lxp start " + component.name() + " starts it again");
                } else if (!component.isAlive()) {
                    started.remove(component);
                    out.println();
                    String tail = component.logTail();
                    line(component.name(), "stopped unexpectedly; the end of its log, kept as " + keepLog(component) + ":");
                    out.println(tail);
                    // What is left of it goes first: a process it had started, PostgreSQL's lock on its data folder.
                    component.stop();
                    line(component.name(), "starting it again");
                    if (!startAgain(component.name())) {
                        return stopping.get() ? 0 : 1;
                    }
                }
            }
            for (String name : List.copyOf(stoppedByOperator)) {
                if (held.startRequested(name)) {
                    stoppedByOperator.remove(name);
                    if (!startAgain(name)) {
                        return stopping.get() ? 0 : 1;
                    }
                    held.release(name);
                }
            }
            CompletableFuture<Object> anyExit = CompletableFuture.anyOf(
                    started.stream().map(Component::onExit).toArray(CompletableFuture[]::new));
            try {
                anyExit.get(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                // Look again at the components and at what ./lxp start asked for.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        return 0;
    }

    /** Moves a stopped component's log aside, so that starting it again does not overwrite why it stopped. */
    private static Path keepLog(Component component) {
        Path kept = component.log().resolveSibling(component.log().getFileName() + ".1");
        try {
            Files.move(component.log(), kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Could not keep " + component.log() + ": " + e.getMessage(), e);
        }
        return kept;
    }

    /** Starts a component again and waits until it is ready; if it cannot be, stops the stack and says why. */
    private boolean startAgain(String name) {
        Instant begun = Instant.now();
        try {
            Component again = restarts.get(name).startAgain();
            ready(again.name(), "started again", begun);
            return true;
        } catch (StackException e) {
            if (!stopping.get()) {
                out.println(name + " could not be started again: " + e.getMessage());
                out.println("Stopping the stack.");
                stop();
            }
            return false;
        }
    }

    /** Stops every component, newest first, once; the shutdown hook and a failure may both ask. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        // A component started again keeps its place: PostgreSQL restarted in a drill still stops after the services.
        List<Component> newestFirst = new ArrayList<>(started);
        newestFirst.sort(Comparator.comparingInt((Component component) -> startOrder.indexOf(component.name())).reversed());
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
        if (!startOrder.contains(component.name())) {
            startOrder.add(component.name());
        }
        state.recordComponent(component);
        if (stopping.get() && component.isAlive()) {
            // Started again while the stack was being stopped: stop() has passed it by.
            component.stop();
        }
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
        out.printf("  %-22s %s%n", component, detail);
        out.flush();
    }

    private static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** Deletes a folder and everything in it; nothing to do if it is not there. */
    static void deleteRecursively(Path directory) {
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
