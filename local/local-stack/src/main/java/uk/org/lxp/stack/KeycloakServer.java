package uk.org.lxp.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from its Maven Central distribution, unpacked once under the stack's home, in development mode on
 * loopback, its database in the stack's PostgreSQL, and the lxp realm imported from deploy/keycloak on first start.
 */
final class KeycloakServer {

    /** The first start re-augments Keycloak for PostgreSQL and creates its schema: slow on two cores. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEFAULT_GATEWAY_URL = "http://127.0.0.1:8080/";

    private KeycloakServer() {
    }

    static ChildProcess start(StackSettings settings, Credentials credentials, Path java,
            String marker, Consumer<String> progress) {
        Path install = install(settings, progress);
        importRealm(settings, install);
        String port = Integer.toString(settings.port(StackSettings.Port.KEYCLOAK));
        List<String> command = List.of("bash", install.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + settings.url(StackSettings.Port.KEYCLOAK),
                "--import-realm", "--health-enabled=false", "--metrics-enabled=false",
                "--db=postgres", "--db-url=" + settings.jdbcUrl("keycloak"), "--db-username=keycloak");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", java.toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "JAVA_OPTS_APPEND", marker,
                // Passwords go by environment, never on a command line that ps shows.
                "KC_DB_PASSWORD", credentials.password("keycloak"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", credentials.password("keycloak-admin"));
        return ChildProcess.start("keycloak", command, environment, install, settings.logs().resolve("keycloak.log"));
    }

    static void awaitReady(ChildProcess keycloak, StackSettings settings) {
        Readiness.awaitHttpOk(keycloak, settings.issuer() + "/.well-known/openid-configuration", START_TIMEOUT);
    }

    private static Path install(StackSettings settings, Consumer<String> progress) {
        Path distribution = distribution(settings);
        String directoryName = distribution.getFileName().toString().replace(".zip", "");
        Path install = settings.home().resolve(directoryName);
        if (Files.isRegularFile(install.resolve("bin/kc.sh"))) {
            return install;
        }
        progress.accept("unpacking " + distribution.getFileName() + " (first run only)");
        Path unpacking = settings.home().resolve(directoryName + ".unpacking");
        try (ZipFile zip = new ZipFile(distribution.toFile())) {
            Files.createDirectories(unpacking);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = unpacking.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpacking)) {
                    throw new StackException("The Keycloak distribution has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // The zip holds one top folder, keycloak-<version>; only a complete unpacking takes the final name.
            Files.move(unpacking.resolve(directoryName), install, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(unpacking);
            return install;
        } catch (IOException e) {
            throw new StackException("Could not unpack " + distribution + ": " + e.getMessage(), e);
        }
    }

    private static Path distribution(StackSettings settings) {
        Path folder = settings.localStackBuild().resolve("keycloak");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches("keycloak-[0-9.]+\\.zip"))
                    .findFirst()
                    .orElseThrow(() -> new StackException("No Keycloak distribution in " + folder + ": build local-stack"));
        } catch (IOException e) {
            throw new StackException("No Keycloak distribution in " + folder + ": build local-stack", e);
        }
    }

    /** Keycloak imports a realm only if it does not exist yet, so the data of later runs is kept. */
    private static void importRealm(StackSettings settings, Path install) {
        try {
            String realm = Files.readString(settings.realmFile(), StandardCharsets.UTF_8)
                    .replace(DEFAULT_GATEWAY_URL, settings.url(StackSettings.Port.GATEWAY) + "/");
            Path imports = install.resolve("data/import");
            Files.createDirectories(imports);
            Files.writeString(imports.resolve("lxp-realm.json"), realm, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Could not prepare the realm import from " + settings.realmFile() + ": " + e.getMessage(), e);
        }
    }
}
