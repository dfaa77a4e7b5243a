package uk.org.lxp.stack;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.org.lxp.http.SuiteServices;
import uk.org.lxp.stack.StackSettings.Port;

/** A service or the gateway, run from its Quarkus build in its own JVM. */
public final class QuarkusApplication {

    /** How the stack runs every application's JVM; the start-up and memory benchmark runs them the same way. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";
    /**
     * glibc gives each thread that allocates natively an arena of its own, up to eight per core, and a JVM has dozens
     * of threads; two arenas kept a service's resident set up to 13 MB smaller for the same work (docs/performance.md,
     * B6, measured side by side with the class-data archive).
     */
    private static final String MALLOC_ARENAS = "MALLOC_ARENA_MAX";
    private static final String MALLOC_ARENA_COUNT = "2";
    /**
     * glibc keeps what the JVM frees natively (the JIT compiler's arenas, buffers of finished work) for reuse instead
     * of giving it back; trimming it every five seconds kept roles-service's resident set 26-47 MB smaller after the
     * same load, started side by side (docs/performance.md, B6).
     */
    public static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";
    /**
     * Whether the JDK running the stack, which runs its applications too, offers the option. The updates of JDK 17 and
     * 21 from mid-2024 do; earlier ones either lack it or have it as an experimental option, which the JVM hides here
     * and would refuse on the command line.
     */
    private static final boolean NATIVE_HEAP_TRIMMABLE = hasVmOption("TrimNativeHeapInterval");

    private QuarkusApplication() {
    }

    /** Runs the application of {@code module} as the component {@code name} (e.g. roles-service-2), logging to name.log. */
    static ChildProcess start(StackSettings settings, String module, String name, Path java, String marker,
            Map<String, String> environment) {
        return ChildProcess.start(name, command(settings, module, java, marker), environment,
                directory(settings, module), settings.logs().resolve(name + ".log"));
    }

    /**
     * The command line of an application of the stack, run in {@link #directory}: its JVM options, the native heap
     * trimmed, the class-data-sharing archive its build wrote (the JVM skips it, with a warning, if another JDK runs
     * it), the data-folder marker, its jar.
     */
    public static List<String> command(StackSettings settings, String module, Path java, String marker) {
        Path application = settings.application(module);
        if (!Files.isRegularFile(application)) {
            throw new StackException(application + " is missing: build it with ./mvnw package -DskipTests -pl " + module + " -am");
        }
        List<String> command = new ArrayList<>(List.of(java.resolve("bin/java").toString()));
        command.addAll(JVM_OPTIONS);
        if (NATIVE_HEAP_TRIMMABLE) {
            command.add(TRIM_NATIVE_HEAP);
        }
        // The archive names the jar as the build ran it, relative to its folder, so the application runs from there.
        if (Files.isRegularFile(application.resolveSibling(CLASS_DATA_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
        }
        command.addAll(List.of(marker, "-jar", application.getFileName().toString()));
        return command;
    }

    private static boolean hasVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Where an application runs: its build's folder (target/quarkus-app), beside its jar and archive. */
    public static Path directory(StackSettings settings, String module) {
        return settings.application(module).getParent();
    }

    /** What a service needs to run in this stack: its own database and login, the broker, the issuer. */
    public static Map<String, String> serviceVariables(StackSettings settings, SuiteServices.Service service, int httpPort) {
        return Map.of(
                MALLOC_ARENAS, MALLOC_ARENA_COUNT,
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "DB_URL", settings.jdbcUrl(service.database()),
                "DB_USER", login(service),
                "DB_PASSWORD", Credentials.in(settings.data()).password(login(service)),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "OIDC_ISSUER", settings.issuer(),
                "LXP_PUBLIC_URL", settings.url(Port.GATEWAY));
    }

    /** What the gateway needs to run in this stack: the issuer and every service's addresses, all its instances'. */
    public static Map<String, String> gatewayVariables(StackSettings settings, int httpPort) {
        Map<String, String> variables = new HashMap<>(Map.of(
                MALLOC_ARENAS, MALLOC_ARENA_COUNT,
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "OIDC_ISSUER", settings.issuer(),
                "LXP_PUBLIC_URL", settings.url(Port.GATEWAY)));
        settings.services().forEach(service -> variables.put(service.urlVariable(), String.join(",", settings.urls(service))));
        return variables;
    }

    /** Each service logs in to its own database as its own login, e.g. roles_service. */
    static String login(SuiteServices.Service service) {
        return service.database() + "_service";
    }

    static void awaitReady(ChildProcess application, String url) {
        Readiness.awaitHttpOk(application, url + "/q/health/ready", START_TIMEOUT);
    }
}
