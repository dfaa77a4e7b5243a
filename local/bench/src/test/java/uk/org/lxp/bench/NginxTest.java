package uk.org.lxp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NginxTest {

    @Test
    void proxiesToTheServiceOnLoopbackWithKeptAliveConnectionsAndNoAccessLog() {
        String configuration = Nginx.configuration(Path.of("/tmp/bench/nginx"), 18080, 18081);

        assertThat(configuration)
                .contains("listen 127.0.0.1:18080;")
                .contains("upstream service { server 127.0.0.1:18081; keepalive 64; }")
                .contains("proxy_http_version 1.1;")
                .contains("proxy_set_header Connection \"\";")
                .contains("access_log off;")
                .contains("pid /tmp/bench/nginx/nginx.pid;");
    }
}
