package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    private static final URI FIRST = URI.create("http://127.0.0.1:9081");
    private static final URI SECOND = URI.create("http://127.0.0.1:9181");

    private final MutableClock clock = new MutableClock();
    private final ServiceInstances roles = new ServiceInstances("roles-service", List.of(FIRST, SECOND), 2,
            Duration.ofSeconds(10), clock);

    @Test
    void requestsGoToEachInstanceInTurn() {
        List<URI> chosen = IntStream.range(0, 4).mapToObj(i -> pickRegular(Set.of()).instance().url()).toList();

        assertThat(chosen).containsExactly(FIRST, SECOND, FIRST, SECOND);
    }

    @Test
    void aSecondTryGoesToTheNextInstanceWithoutTakingTheNextRequestsTurn() {
        ServiceInstances.Pick failed = roles.pick(Set.of()).orElseThrow();
        failed.instance().breaker().onFailure();

        ServiceInstances.Pick retried = roles.pick(Set.of(failed.instance())).orElseThrow();
        ServiceInstances.Pick next = roles.pick(Set.of()).orElseThrow();

        assertThat(failed.instance().url()).isEqualTo(FIRST);
        assertThat(retried.instance().url()).isEqualTo(SECOND);
        assertThat(next.instance().url()).isEqualTo(SECOND);
    }

    @Test
    void anInstanceWhoseBreakerOpenedIsPassedOverUntilItsTrialSucceeds() {
        ServiceInstances.Instance first = roles.instances().get(0);
        first.breaker().onFailure();
        first.breaker().onFailure();

        assertThat(IntStream.range(0, 4).mapToObj(i -> pickRegular(Set.of()).instance().url())).containsOnly(SECOND);

        clock.advance(Duration.ofSeconds(10));
        List<ServiceInstances.Pick> picks = IntStream.range(0, 4).mapToObj(i -> roles.pick(Set.of()).orElseThrow()).toList();
        assertThat(picks).filteredOn(pick -> pick.instance().equals(first)).singleElement()
                .satisfies(trial -> assertThat(trial.admission()).isEqualTo(CircuitBreaker.Admission.TRIAL));

        first.breaker().onSuccess();
        assertThat(IntStream.range(0, 4).mapToObj(i -> pickRegular(Set.of()).instance().url())).contains(FIRST, SECOND);
    }

    @Test
    void aRequestIsNotOfferedAnInstanceItHasTriedAndNothingWhenAllAreTriedOrFailing() {
        ServiceInstances.Pick first = roles.pick(Set.of()).orElseThrow();
        Set<ServiceInstances.Instance> tried = new HashSet<>(Set.of(first.instance()));

        ServiceInstances.Pick second = roles.pick(tried).orElseThrow();
        assertThat(second.instance()).isNotEqualTo(first.instance());
        tried.add(second.instance());
        assertThat(roles.pick(tried)).isEmpty();

        roles.instances().forEach(instance -> {
            instance.breaker().onFailure();
            instance.breaker().onFailure();
        });
        clock.advance(Duration.ofSeconds(4));
        roles.instances().get(1).breaker().onFailure();
        assertThat(roles.pick(Set.of())).isEmpty();
        assertThat(roles.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aServiceNeedsAtLeastOneAddressAndEachInstanceOnce() {
        assertThatThrownBy(() -> new ServiceInstances("roles-service", List.of(), 2, Duration.ofSeconds(10), clock))
                .hasMessageContaining("no address");
        assertThatThrownBy(() -> new ServiceInstances("roles-service", List.of(FIRST, FIRST), 2, Duration.ofSeconds(10),
                clock)).hasMessageContaining("twice");
    }

    private ServiceInstances.Pick pickRegular(Set<ServiceInstances.Instance> tried) {
        ServiceInstances.Pick pick = roles.pick(tried).orElseThrow();
        assertThat(pick.admission()).isEqualTo(CircuitBreaker.Admission.REGULAR);
        pick.instance().breaker().onSuccess();
        return pick;
    }
}
