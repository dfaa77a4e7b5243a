package uk.org.lxp.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK of at least a given version: the services run on 17, Keycloak 26 needs 21. */
final class JavaRuntimes {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private JavaRuntimes() {
    }

    static Path current() {
        return Path.of(System.getProperty("java.home"));
    }

    /** KEYCLOAK_JAVA_HOME if set, else this JVM if new enough, else the newest JDK in the usual places. */
    static Path atLeast(int major, Map<String, String> environment) {
        String chosen = environment.get("KEYCLOAK_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            Path home = Path.of(chosen);
            if (majorVersion(home).orElse(0) < major) {
                throw new StackException("KEYCLOAK_JAVA_HOME=" + chosen + " is not a JDK " + major + " or newer");
            }
            return home;
        }
        if (Runtime.version().feature() >= major) {
            return current();
        }
        List<Path> candidates = new ArrayList<>();
        String userHome = System.getProperty("user.home");
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of(userHome, ".sdkman/candidates/java"), Path.of(userHome, ".jdks"))) {
            candidates.addAll(children(parent));
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> majorVersion(home).orElse(0) >= major)
                .max(Comparator.comparing(home -> majorVersion(home).orElse(0)))
                .orElseThrow(() -> new StackException("Keycloak 26 needs Java " + major + " or newer, and this machine has "
                        + Runtime.version().feature() + " on PATH and none newer in /usr/lib/jvm, /opt, ~/.sdkman or ~/.jdks."
                        + " Install a JDK " + major + "+ (e.g. Temurin) and set KEYCLOAK_JAVA_HOME to it."));
    }

    private static List<Path> children(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Integer> majorVersion(Path home) {
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            if (!matcher.find()) {
                return Optional.empty();
            }
            int first = Integer.parseInt(matcher.group(1));
            return Optional.of(first == 1 ? 8 : first);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
