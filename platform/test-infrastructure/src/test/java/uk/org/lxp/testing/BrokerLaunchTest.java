package uk.org.lxp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import uk.org.lxp.testing.kafka.BrokerLaunch;

class BrokerLaunchTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverLookLikeAnOption() {
        // One id in 64 would start with a dash if drawn naively; 10,000 draws make a regression certain to show.
        for (int i = 0; i < 10_000; i++) {
            String id = BrokerLaunch.randomClusterId();
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
    }
}
