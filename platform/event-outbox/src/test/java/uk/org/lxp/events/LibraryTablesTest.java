package uk.org.lxp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.events.consumer.ProcessedEvents;
import uk.org.lxp.testing.LxpTestInfrastructure;

/**
 * The libraries bring their own tables (their migrations under db/platform) and forget what is past its retention:
 * processed event ids after 30 days, idempotent responses after 7.
 */
@QuarkusTest
@WithTestResource(LxpTestInfrastructure.class)
class LibraryTablesTest {

    @Inject
    Ledger ledger;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    IdempotentRequests idempotentRequests;

    @Test
    void everyLibraryTableIsCreatedByTheLibrarysOwnMigration() {
        for (String table : new String[] {"outbox_event", "processed_event", "dead_letter_replay", "audit_record",
                "idempotent_request"}) {
            assertThat(ledger.count("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", table))
                    .as(table).isEqualTo(1);
        }
        assertThat(ledger.count("SELECT count(*) FROM flyway_schema_history WHERE version LIKE '0.%' AND success"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void processedEventIdsAreForgottenAfterTheirRetention() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        ledger.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('purge-test', ?, now() - interval '31 days')", old);
        ledger.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('purge-test', ?, now() - interval '29 days')", recent);

        assertThat(processedEvents.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.count("SELECT count(*) FROM processed_event WHERE event_id = ?", old)).isZero();
        assertThat(ledger.count("SELECT count(*) FROM processed_event WHERE event_id = ?", recent)).isEqualTo(1);
    }

    @Test
    void eventsRecordedTogetherAreEachRecordedOnceAndOnlyTheNewOnesAreReturned() {
        String seen = "seen-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        String alsoFresh = "also-fresh-" + UUID.randomUUID();
        ledger.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('batch-test', ?, now())", seen);

        Set<String> toApply = QuarkusTransaction.requiringNew().call(() ->
                processedEvents.markProcessed("batch-test", List.of(seen, fresh, alsoFresh, fresh)));

        assertThat(toApply).containsExactlyInAnyOrder(fresh, alsoFresh);
        assertThat(ledger.count("SELECT count(*) FROM processed_event WHERE consumer = 'batch-test' AND event_id IN (?, ?, ?)",
                seen, fresh, alsoFresh)).isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                processedEvents.markProcessed("batch-test", List.of(fresh, alsoFresh)))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() ->
                processedEvents.markProcessed("another-consumer", List.of(fresh)))).containsExactly(fresh);
    }

    @Test
    void idempotentResponsesAreForgottenAfterTheirRetention() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        for (String key : new String[] {old, recent}) {
            Instant created = Instant.now().minus(Duration.ofDays(key.equals(old) ? 8 : 6));
            ledger.update("INSERT INTO idempotent_request (client, key, fingerprint, status, body, created_at)"
                    + " VALUES ('purge-test', ?, 'f', 200, '{}', ?::timestamptz)", key, created.toString());
        }

        assertThat(idempotentRequests.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(ledger.count("SELECT count(*) FROM idempotent_request WHERE key = ?", old)).isZero();
        assertThat(ledger.count("SELECT count(*) FROM idempotent_request WHERE key = ?", recent)).isEqualTo(1);
    }
}
