package uk.org.lxp.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownstreamProxyTest {

    @Test
    void theGatewaysLimitsAreSharedEvenlyBetweenItsEventLoopsEachGettingAtLeastOne() {
        assertThat(DownstreamProxy.shareOf(200, 4)).isEqualTo(50);
        assertThat(DownstreamProxy.shareOf(1_000, 4)).isEqualTo(250);
        assertThat(DownstreamProxy.shareOf(7, 2)).as("rounded up").isEqualTo(4);
        assertThat(DownstreamProxy.shareOf(1, 4)).as("never none").isEqualTo(1);
        assertThat(DownstreamProxy.shareOf(200, 1)).isEqualTo(200);
    }
}
