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
        assertThat(command.contains(QuarkusApplication.TRIM_NATIVE_HEAP))
                .as("the native heap is trimmed exactly when this JDK starts with the option")
                .isEqualTo(thisJdkStartsWith(QuarkusApplication.TRIM_NATIVE_HEAP));
    }

    /** Whether this test's JDK starts with the option, as the stack would start an application with it. */
    private static boolean thisJdkStartsWith(String option) throws IOException {
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), option,
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return java.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for java -version", e);
        }
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
