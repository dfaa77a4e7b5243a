package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealmFileTest {

    private final RealmFile realm = RealmFile.read(Path.of("..", "..", "deploy", "keycloak", "lxp-realm.json"));

    @Test
    void confidentialClientsCarryTheirSecretsAndThePublicSwaggerClientIsNotOne() {
        assertThat(realm.client("hr-rgd")).get().extracting(RealmFile.Client::secret).isEqualTo("demo-secret-hr-rgd-change-me");
        assertThat(realm.client("lxp-demo-admin")).isPresent();
        assertThat(realm.client("lxp-swagger-ui")).isEmpty();
    }

    @Test
    void peopleAreListedWithTheirScopeAndServiceAccountsAreNot() {
        assertThat(realm.users()).extracting(RealmFile.User::username)
                .contains("demo-admin", "demo-lead-rgd", "demo-analyst-qwo")
                .noneMatch(name -> name.startsWith("service-account-"));
        assertThat(realm.users()).filteredOn(user -> user.username().equals("demo-analyst-qwo"))
                .singleElement().satisfies(user -> assertThat(user.icbs()).containsExactly("QWO"));
        assertThat(realm.password("demo-lead-rgd")).contains("demo-lead-rgd-demo");
    }
}
