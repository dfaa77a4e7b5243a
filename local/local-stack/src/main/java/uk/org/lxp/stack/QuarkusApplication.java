package uk.org.lxp.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A service or the gateway, run from its Quarkus build in its own JVM. */
final class QuarkusApplication {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private QuarkusApplication() {
    }

    static ChildProcess start(StackSettings settings, String module, Path java, String marker, Map<String, String> environment) {
        Path application = settings.application(module);
        if (!Files.isRegularFile(application)) {
            throw new StackException(application + " is missing: build it with ./mvnw package -DskipTests -pl " + module + " -am");
        }
        List<String> command = List.of(java.resolve("bin/java").toString(), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                marker, "-jar", application.toString());
        return ChildProcess.start(module, command, environment, settings.root().resolve(module),
                settings.logs().resolve(module + ".log"));
    }

    static void awaitReady(ChildProcess application, String url) {
        Readiness.awaitHttpOk(application, url + "/q/health/ready", START_TIMEOUT);
    }
}
