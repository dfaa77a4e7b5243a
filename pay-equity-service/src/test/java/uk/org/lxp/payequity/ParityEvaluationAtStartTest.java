package uk.org.lxp.payequity;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * A change committed just before the service stopped may never have been evaluated (the request lives in memory):
 * a start of its own, with nothing changed since, evaluates the parity rules once unasked.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
@TestProfile(ParityEvaluationAtStartTest.StartedAfresh.class)
class ParityEvaluationAtStartTest {

    /** A profile of its own, so that the service starts for this test. */
    public static class StartedAfresh implements QuarkusTestProfile {
    }

    @Inject
    MeterRegistry meters;

    @Test
    void aStartEvaluatesTheRulesWithoutBeingAsked() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                meters.counter("lxp.parity.evaluations", "outcome", "completed").count() >= 1);
    }
}
