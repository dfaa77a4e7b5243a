package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path ROOT = Path.of("/srv/lxp");

    @Test
    void defaultsKeepTheStackUnderTheRepositoryOnTheDocumentedPorts() {
        StackSettings settings = StackSettings.from(ROOT, Map.of());

        assertThat(settings.home()).isEqualTo(ROOT.resolve(".lxp"));
        assertThat(settings.data()).isEqualTo(ROOT.resolve(".lxp/data"));
        assertThat(settings.url(StackSettings.Port.GATEWAY)).isEqualTo("http://127.0.0.1:8080");
        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:8180/realms/lxp");
        assertThat(settings.port(StackSettings.Port.POSTGRES)).isEqualTo(15432);
    }

    @Test
    void environmentMovesTheHomeAndAnyPort() {
        StackSettings settings = StackSettings.from(ROOT, Map.of("LXP_HOME", "/tmp/elsewhere",
                "LXP_KEYCLOAK_PORT", "28180", "LXP_GATEWAY_PORT", " 18080 "));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:28180/realms/lxp");
        assertThat(settings.port(StackSettings.Port.GATEWAY)).isEqualTo(18080);
    }

    @Test
    void aPortThatIsNotOneIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> StackSettings.from(ROOT, Map.of("LXP_KAFKA_PORT", "nine")))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("LXP_KAFKA_PORT=nine");
        assertThatThrownBy(() -> StackSettings.from(ROOT, Map.of("LXP_POSTGRES_PORT", "70000")))
                .hasMessageContaining("LXP_POSTGRES_PORT=70000");
    }
}
