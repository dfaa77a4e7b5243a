package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.api.AfterCommit;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class AfterCommitTest {

    @Inject
    AfterCommit afterCommit;

    @Test
    void runsOnceTheTransactionCommitsNeverAfterARollbackAndAtOnceOutsideOne() {
        List<String> ran = new ArrayList<>();

        QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(() -> ran.add("committed"));
            assertThat(ran).isEmpty();
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            afterCommit.run(() -> ran.add("rolled back"));
            throw new IllegalStateException("the change is not kept");
        })).hasMessageContaining("not kept");
        afterCommit.run(() -> ran.add("outside"));

        assertThat(ran).containsExactly("committed", "outside");
    }
}
