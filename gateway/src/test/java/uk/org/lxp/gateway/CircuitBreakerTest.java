package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);

    @Test
    void opensAfterConsecutiveFailuresAndRefusesUntilItsTimeIsUp() {
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.admit().admitted()).isTrue();
            breaker.onFailure();
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.admit().admitted()).isFalse();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.admit().admitted()).isFalse();
    }

    @Test
    void anAbandonedTrialLetsAnotherThroughWithoutClosingOrCountingAgainstTheService() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        clock.advance(Duration.ofSeconds(10));
        CircuitBreaker.Admission trial = breaker.admit();
        assertThat(trial).isEqualTo(CircuitBreaker.Admission.TRIAL);
        assertThat(breaker.admit().admitted()).as("one trial at a time").isFalse();

        breaker.onAbandoned(trial);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.TRIAL);
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRegularRequestAbandonedWhileATrialIsOutLetsNoSecondTrialThrough() {
        CircuitBreaker.Admission regular = breaker.admit();
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.TRIAL);

        breaker.onAbandoned(regular);

        assertThat(breaker.admit()).as("the trial is still out").isEqualTo(CircuitBreaker.Admission.REFUSED);
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterTheOpenPeriodOneTrialDecides() {
        openIt();
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.admit().admitted()).isTrue();
        assertThat(breaker.admit().admitted()).as("only one trial at a time").isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.admit().admitted()).isTrue();
    }

    @Test
    void aFailedTrialOpensItAgain() {
        openIt();
        clock.advance(Duration.ofSeconds(10));
        assertThat(breaker.admit().admitted()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.admit().admitted()).isFalse();
    }

    private void openIt() {
        for (int i = 0; i < 3; i++) {
            breaker.admit().admitted();
            breaker.onFailure();
        }
    }
}
