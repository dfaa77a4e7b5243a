package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.api.BeforeCommit;
import uk.org.lxp.testing.LxpTestInfrastructure;

@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class BeforeCommitTest {

    @Inject
    BeforeCommit beforeCommit;

    @Test
    void whatATransactionGathersIsWrittenOnceSortedBeforeItCommitsAndNeverWhenItRollsBack() {
        List<List<String>> written = new ArrayList<>();
        Consumer<SortedSet<String>> write = items -> written.add(List.copyOf(items));

        QuarkusTransaction.requiringNew().run(() -> {
            beforeCommit.gather("marks", "RGD", write);
            beforeCommit.gather("marks", "QWO", write);
            beforeCommit.gather("marks", "RGD", write);
            assertThat(written).isEmpty();
        });
        assertThat(written).containsExactly(List.of("QWO", "RGD"));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            beforeCommit.gather("marks", "RX1", write);
            throw new IllegalStateException("the change is not kept");
        })).hasMessageContaining("not kept");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            beforeCommit.gather("marks", "RX2", write);
            QuarkusTransaction.setRollbackOnly();
            beforeCommit.gather("marks", "RX4", write);
        })).hasCauseInstanceOf(jakarta.transaction.RollbackException.class);
        assertThat(written).containsExactly(List.of("QWO", "RGD"));

        assertThatThrownBy(() -> beforeCommit.gather("marks", "RX3", write)).hasMessageContaining("active transaction");
    }

    @Test
    void anItemGatheredAfterItsPurposeWasWrittenFailsTheTransactionRatherThanBeingLost() {
        List<String> written = new ArrayList<>();
        Consumer<SortedSet<String>> lateGather = new Consumer<>() {
            @Override
            public void accept(SortedSet<String> items) {
                written.addAll(items);
                beforeCommit.gather("marks", "late", this);
            }
        };

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> beforeCommit.gather("marks", "RGD",
                lateGather))).isInstanceOf(RuntimeException.class);
        assertThat(written).containsExactly("RGD");
    }
}
