package uk.org.lxp.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes imports the realm of deploy/keycloak/lxp-realm.json, generated rather than copied by hand:
 * the checked-in KeycloakRealmImport must be what the realm file gives today.
 */
class RealmImportTest {

    /** Set to true to write the generated realm import instead of comparing it. */
    private static final String WRITE = "lxp.realm-import.write";

    @Test
    void theRealmImportIsGeneratedFromTheRealmFile() throws IOException {
        Path root = Suite.fromWorkingDirectory().root();
        Path manifest = root.resolve(ProductionRealm.REALM_IMPORT);
        String generated = ProductionRealm.manifest(root);
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(manifest, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.isRegularFile(manifest) ? Files.readString(manifest, StandardCharsets.UTF_8) : "")
                .as(ProductionRealm.REALM_IMPORT + " is out of date: run ./mvnw -pl deploy/deployment-check verify -D" + WRITE + "=true")
                .isEqualTo(generated);
    }

    @Test
    void noDemoLoginOrSecretReachesProduction() {
        String generated = ProductionRealm.manifest(Suite.fromWorkingDirectory().root());

        assertThat(generated).doesNotContain("demo-secret", "lxp-demo-admin", "username: demo-", "127.0.0.1")
                .contains("secret: ${CLIENT_SECRET_HR_RGD}", "${LXP_PUBLIC_URL}/q/swagger-ui/*");
    }
}
