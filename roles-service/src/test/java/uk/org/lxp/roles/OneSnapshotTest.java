package uk.org.lxp.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.testing.LxpTestInfrastructure;

/** What a list operation's reads run in: one read-only REPEATABLE READ transaction of their own, even inside another. */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class OneSnapshotTest {

    @Inject
    SnapshotProbe probe;

    @Test
    void aListReadsInOneReadOnlySnapshot() {
        assertThat(probe.isolationAndReadOnly()).containsExactly("repeatable read", "on");
        assertThat(QuarkusTransaction.requiringNew().call(() -> probe.isolationAndReadOnly()))
                .containsExactly("repeatable read", "on");
        assertThat(probe.outsideASnapshot()).containsExactly("read committed", "off");
    }

    @ApplicationScoped
    static class SnapshotProbe {

        @Inject
        EntityManager entities;

        @OneSnapshot
        List<String> isolationAndReadOnly() {
            return settings();
        }

        List<String> outsideASnapshot() {
            return QuarkusTransaction.requiringNew().call(this::settings);
        }

        private List<String> settings() {
            return List.of((String) entities.createNativeQuery("SHOW transaction_isolation").getSingleResult(),
                    (String) entities.createNativeQuery("SHOW transaction_read_only").getSingleResult());
        }
    }
}
