package uk.org.lxp.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import uk.org.lxp.testing.OidcTestProvider;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
class DownstreamProxyTest {

    @Inject
    DownstreamProxy proxy;

    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopCallsTheServicesWithAClientOfItsOwn() throws Exception {
        List<HttpClient> used = new ArrayList<>();
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            used.add(loop.submit(proxy::client).get(5, TimeUnit.SECONDS));
        }

        assertThat(used).hasSizeGreaterThan(1).doesNotHaveDuplicates();
        EventExecutor first = vertx.nettyEventLoopGroup().iterator().next();
        assertThat(first.submit(proxy::client).get(5, TimeUnit.SECONDS)).as("the same loop, the same client")
                .isSameAs(used.get(0));
    }

    @Test
    void theGatewaysLimitsAreSharedBetweenItsEventLoopsAddingUpToThem() {
        assertThat(sharesOf(200, 4)).containsExactly(50, 50, 50, 50);
        assertThat(sharesOf(1_000, 4)).containsExactly(250, 250, 250, 250);
        assertThat(sharesOf(7, 4)).as("what does not divide goes to the first loops").containsExactly(2, 2, 2, 1);
        assertThat(sharesOf(200, 1)).containsExactly(200);
    }

    @Test
    void everyLoopHasAtLeastOneConnectionAndAnUnboundedQueueStaysUnbounded() {
        assertThat(sharesOf(1, 4)).containsExactly(1, 1, 1, 1);
        assertThat(sharesOf(-1, 4)).containsExactly(-1, -1, -1, -1);
    }

    private static int[] sharesOf(int limit, int loops) {
        return IntStream.range(0, loops).map(index -> DownstreamProxy.shareOf(limit, loops, index)).toArray();
    }
}
