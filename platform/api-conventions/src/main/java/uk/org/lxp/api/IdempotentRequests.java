package uk.org.lxp.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.http.problems.IdempotencyKeyReused;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.http.Violation;

/**
 * Idempotency-Key support for bulk requests: the first request with a key is carried out and its response stored in
 * the same transaction; a retry with the same key and body gets the stored response and changes nothing; the key
 * reused for another body is refused. Keys are per client and kept for {@code lxp.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final CallerScope caller;
    private final Clock clock;
    private final Duration retention;

    IdempotentRequests(DataSource dataSource, ObjectMapper json, CallerScope caller, Clock clock,
            @ConfigProperty(name = "lxp.idempotency.retention", defaultValue = "7d") Duration retention) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Carries out {@code work} once per Idempotency-Key, in one transaction with remembering its response: a retry
     * with the same key and request gets the first response back (marked {@code Idempotent-Replayed}).
     */
    @Transactional
    public Response once(String key, String path, Object request, Supplier<Object> work) {
        validate(key);
        String client = caller.actor();
        try {
            String fingerprint = fingerprint("POST", path, json.writeValueAsBytes(request));
            Optional<String> stored = earlier(client, key, fingerprint);
            if (stored.isPresent()) {
                return Response.ok(stored.get(), MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true").build();
            }
            String body = json.writeValueAsString(work.get());
            remember(client, key, fingerprint, body);
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request or response as JSON", e);
        }
    }

    @Scheduled(every = "${lxp.idempotency.purge-interval:1h}", delayed = "${lxp.idempotency.purge-interval:1h}")
    void purgeOnSchedule() {
        purgeExpired();
    }

    /** Forgets responses older than the retention (a retry that late is a new request); says how many. */
    public int purgeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotent_request WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.infof("Forgot %d idempotent request(s) older than %s", purged, retention);
            }
            return purged;
        } catch (SQLException e) {
            LOG.warnf("Could not purge idempotent requests: %s", e.getMessage());
            return 0;
        }
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored response of an earlier request with this key, after checking it was the same request. */
    private Optional<String> earlier(String client, String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint, body FROM idempotent_request WHERE client = ? AND key = ? FOR UPDATE")) {
            select.setString(1, client);
            select.setString(2, key);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                if (!result.getString(1).equals(fingerprint)) {
                    throw new IdempotencyKeyReused(key);
                }
                return Optional.of(result.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read idempotent requests", e);
        }
    }

    /** Stores the response; a concurrent first use of the same key fails this transaction on the primary key. */
    private void remember(String client, String key, String fingerprint, String body) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO idempotent_request (client, key, fingerprint, status, body, created_at)
                     VALUES (?, ?, ?, 200, ?, ?)
                     """)) {
            insert.setString(1, client);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setString(4, body);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new Conflict("A request with Idempotency-Key " + key + " is already being carried out");
        }
    }

    private static void validate(String key) {
        if (key == null) {
            throw InvalidRequest.of(Violation.header(HEADER, "is required: send a key unique to this request, reused only to retry it"));
        }
        if (!key.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw InvalidRequest.of(Violation.header(HEADER,
                    "must be 8 to 128 letters, digits, dots, colons, dashes or underscores"));
        }
    }
}
