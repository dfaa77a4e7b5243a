package uk.org.lxp.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.scope.CallerScope;

/**
 * The audit trail: who changed what, when, written in the transaction of the change itself so that no change
 * goes unrecorded. The table is this library's own migration.
 */
@ApplicationScoped
public class Audit {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final CallerScope caller;
    private final Clock clock;

    Audit(DataSource dataSource, ObjectMapper json, CallerScope caller, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    /** One change: the action (e.g. {@code post.upserted}), the entity, and what it now is or what changed. */
    public record Entry(String action, String entityType, String entityId, Object details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @ActivateRequestContext
    public void record(String action, String entityType, String entityId, Object details) {
        recordAll(List.of(new Entry(action, entityType, entityId, details)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    @ActivateRequestContext
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String actor = caller.actor();
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO audit_record (occurred_at, actor, action, entity_type, entity_id, details)
                     VALUES (?, ?, ?, ?, ?, ?::jsonb)
                     """)) {
            for (Entry entry : entries) {
                insert.setTimestamp(1, now);
                insert.setString(2, actor);
                insert.setString(3, entry.action());
                insert.setString(4, entry.entityType());
                insert.setString(5, entry.entityId());
                insert.setString(6, json.writeValueAsString(entry.details()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write the audit trail", e);
        }
    }
}
