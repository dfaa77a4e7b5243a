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
    void scaledOutEachInstanceAndBrokerHasAPortOfItsOwn() {
        StackSettings one = settings(Map.of());
        StackSettings scaled = settings(Map.of(StackSettings.INSTANCES, "2", StackSettings.BROKERS, "3",
                "LXP_PAY_EQUITY_PORT_2", "28182"));

        assertThat(one.urls(SERVICES.get(0))).containsExactly("http://127.0.0.1:8081");
        assertThat(one.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(scaled.urls(SERVICES.get(0))).containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8181");
        assertThat(scaled.urls(SERVICES.get(1))).containsExactly("http://127.0.0.1:8082", "http://127.0.0.1:28182");
        assertThat(scaled.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096");
        assertThat(scaled.port(StackSettings.Port.kafkaController(3))).isEqualTo(19097);
        assertThat(scaled.allPorts()).hasSize(one.allPorts().size() + 4 + 2)
                .extracting(StackSettings.Port::variable)
                .contains("LXP_ROLES_PORT_2", "LXP_KAFKA_PORT_3", "LXP_KAFKA_CONTROLLER_PORT_2").doesNotHaveDuplicates();
        assertThat(scaled.allPorts()).extracting(StackSettings.Port::owner).contains("roles-service-2", "kafka-3");
        assertThat(scaled.allPorts()).extracting(scaled::port).doesNotHaveDuplicates();
    }

    @Test
    void aScaleOutsideWhatTheStackRunsIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> settings(Map.of(StackSettings.BROKERS, "5")))
                .hasMessageContaining("LXP_KAFKA_BROKERS=5 is not a number from 1 to 3");
        assertThatThrownBy(() -> settings(Map.of(StackSettings.INSTANCES, "two")))
                .hasMessageContaining("LXP_SERVICE_INSTANCES=two");
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
