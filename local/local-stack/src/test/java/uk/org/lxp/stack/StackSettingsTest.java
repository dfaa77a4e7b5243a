package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import uk.org.lxp.http.SuiteServices;

class StackSettingsTest {

    private static final Path ROOT = Path.of("/srv/lxp");
    private static final List<SuiteServices.Service> SERVICES = List.of(
            new SuiteServices.Service("roles-service", 8081, "roles"),
            new SuiteServices.Service("pay-equity-service", 8082, "pay_equity"));

    private static StackSettings settings(Map<String, String> environment) {
        return StackSettings.from(ROOT, SERVICES, environment);
    }

    @Test
    void defaultsKeepTheStackUnderTheRepositoryOnTheDocumentedPorts() {
        StackSettings settings = settings(Map.of());

        assertThat(settings.home()).isEqualTo(ROOT.resolve(".lxp"));
        assertThat(settings.data()).isEqualTo(ROOT.resolve(".lxp/data"));
        assertThat(settings.url(StackSettings.Port.GATEWAY)).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:8180/realms/lxp");
        assertThat(settings.port(StackSettings.Port.POSTGRES)).isEqualTo(15432);
    }

    @Test
    void environmentMovesTheHomeAndAnyPort() {
        StackSettings settings = settings(Map.of("LXP_HOME", "/tmp/elsewhere",
                "LXP_KEYCLOAK_PORT", "28180", "LXP_GATEWAY_PORT", " 18080 "));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:28180/realms/lxp");
        assertThat(settings.port(StackSettings.Port.GATEWAY)).isEqualTo(18080);
    }

    @Test
    void eachServiceOfTheListHasItsPortMovedByItsOwnVariable() {
        StackSettings settings = settings(Map.of("LXP_PAY_EQUITY_PORT", "18082"));

        assertThat(settings.url(SERVICES.get(0))).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.url(SERVICES.get(1))).isEqualTo("http://127.0.0.1:18082");
        assertThat(settings.allPorts()).extracting(StackSettings.Port::variable)
                .contains("LXP_GATEWAY_PORT", "LXP_ROLES_PORT", "LXP_PAY_EQUITY_PORT").doesNotHaveDuplicates();
        assertThat(StackSettings.from(Path.of("..", ".."), Map.of()).services()).extracting(SuiteServices.Service::name)
                .contains("roles-service", "pay-equity-service", "supervision-service");
    }

    @Test
    void aPortThatIsNotOneIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> settings(Map.of("LXP_KAFKA_PORT", "nine")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("LXP_KAFKA_PORT=nine");
        assertThatThrownBy(() -> settings(Map.of("LXP_POSTGRES_PORT", "70000")))
                .hasMessageContaining("LXP_POSTGRES_PORT=70000");
    }
}
