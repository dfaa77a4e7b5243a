package uk.org.lxp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuiteServicesTest {

    @Test
    void theDeclaredListReadsAsServicesWithTheirPortsAndDatabases() {
        List<SuiteServices.Service> services = SuiteServices.read(Path.of("..", "..", "deploy", "services.conf"));
        assertThat(services).extracting(SuiteServices.Service::name)
                .containsExactly("roles-service", "pay-equity-service", "supervision-service");
        SuiteServices.Service roles = services.get(0);
        assertThat(roles.localUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(roles.urlVariable()).isEqualTo("ROLES_SERVICE_URL");
        assertThat(services.get(1).database()).isEqualTo("pay_equity");
    }

    @Test
    void aMalformedLineStopsRatherThanGuesses() {
        assertThatThrownBy(() -> SuiteServices.parse(List.of("# fine", "roles-service 8081")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SuiteServices.parse(List.of("Roles_Service 8081 roles"))).hasMessageContaining("line 1");
    }
}
