package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.org.lxp.http.SuiteServices;

class QuarkusApplicationTest {

    private static final SuiteServices.Service ROLES = new SuiteServices.Service("roles-service", 8081, "roles");

    @TempDir
    Path root;

    private StackSettings settings() {
        return StackSettings.from(root, List.of(ROLES), Map.of("LXP_HOME", root.resolve("home").toString(),
                "LXP_POSTGRES_PORT", "25432", "LXP_KAFKA_PORT", "29092"));
    }

    private Path build(boolean withArchive) throws IOException {
        Path folder = Files.createDirectories(root.resolve("roles-service/target/quarkus-app"));
        Files.writeString(folder.resolve("quarkus-run.jar"), "");
        if (withArchive) {
            Files.writeString(folder.resolve("app-cds.jsa"), "");
        }
        return folder;
    }

    @Test
    void runsTheJarFromItsBuildFolderWithTheClassDataArchiveItsBuildWroteAndTheNativeHeapTrimmed() throws IOException {
        Path folder = build(true);

        List<String> command = QuarkusApplication.command(settings(), "roles-service", Path.of("/jdk"), "-Dlxp.stack=x");

        assertThat(QuarkusApplication.directory(settings(), "roles-service")).isEqualTo(folder);
        assertThat(command).startsWith("/jdk/bin/java").containsSubsequence(QuarkusApplication.JVM_OPTIONS)
                .contains("-XX:SharedArchiveFile=app-cds.jsa")
                .endsWith("-Dlxp.stack=x", "-jar", "quarkus-run.jar");
        assertThat(command.contains("-XX:TrimNativeHeapInterval=5000"))
                .as("the native heap is trimmed where the JDK can (17.0.9, 21.0.1, 22 and later)")
                .isEqualTo(jdkTrimsNativeHeap(Runtime.version()));
    }

    private static boolean jdkTrimsNativeHeap(Runtime.Version version) {
        return version.feature() == 17 && version.update() >= 9 || version.feature() == 21 && version.update() >= 1
                || version.feature() >= 22;
    }

    @Test
    void runsWithoutAnArchiveWhenTheBuildWroteNone() throws IOException {
        build(false);

        assertThat(QuarkusApplication.command(settings(), "roles-service", Path.of("/jdk"), "-Dlxp.stack=x"))
                .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void aServiceGetsItsOwnDatabaseAndLoginTheBrokerTheIssuerAndTwoMallocArenas() {
        Map<String, String> variables = QuarkusApplication.serviceVariables(settings(), ROLES, 18081);

        assertThat(variables).containsEntry("QUARKUS_HTTP_PORT", "18081")
                .containsEntry("DB_URL", "jdbc:postgresql://127.0.0.1:25432/roles")
                .containsEntry("DB_USER", "roles_service")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29092")
                .containsEntry("MALLOC_ARENA_MAX", "2")
                .containsKey("DB_PASSWORD");
        assertThat(variables.get("DB_PASSWORD")).as("the login's generated password, kept in the data folder")
                .isEqualTo(Credentials.in(settings().data()).password("roles_service"));
    }
}
