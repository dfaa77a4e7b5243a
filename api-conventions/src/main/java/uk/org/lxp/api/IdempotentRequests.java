package uk.org.lxp.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Idempotency-Key support: the first request with a key is carried out and its response stored in the same
 * transaction; a retry with the same key and the same body gets the stored response and changes nothing.
 * Reusing a key for a different body is refused. Each service's migration creates {@code idempotent_request}.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int UNPROCESSABLE_CONTENT = 422;

    private final DataSource dataSource;
    private final ObjectMapper json;

    IdempotentRequests(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Carries out {@code work} once per Idempotency-Key, in the caller's transaction: a retry with the same key and
     * the same request gets the first response back (marked {@code Idempotent-Replayed}) and changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String client, String key, String path, Object request, Supplier<Object> work) {
        if (key == null) {
            throw new BadRequestException("Send an Idempotency-Key header with every bulk request");
        }
        try {
            String fingerprint = fingerprint("POST", path, json.writeValueAsBytes(request));
            Optional<StoredResponse> stored = earlier(client, key, fingerprint);
            if (stored.isPresent()) {
                return Response.status(stored.get().status()).entity(stored.get().body())
                        .type(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true").build();
            }
            String body = json.writeValueAsString(work.get());
            remember(client, key, fingerprint, 200, body);
            return Response.ok(body, MediaType.APPLICATION_JSON).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request or response as JSON", e);
        }
    }

    record StoredResponse(int status, String body) {
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
    private Optional<StoredResponse> earlier(String client, String key, String fingerprint) {
        validate(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint, status, body FROM idempotent_request WHERE client = ? AND key = ? FOR UPDATE")) {
            select.setString(1, client);
            select.setString(2, key);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                if (!result.getString(1).equals(fingerprint)) {
                    throw HttpProblem.builder().withStatus(UNPROCESSABLE_CONTENT).withTitle("Unprocessable Content")
                            .withDetail("Idempotency-Key " + key + " was already used for a different request")
                            .build();
                }
                return Optional.of(new StoredResponse(result.getInt(2), result.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read idempotent requests", e);
        }
    }

    /** Stores the response; a concurrent first use of the same key fails this transaction on the primary key. */
    private void remember(String client, String key, String fingerprint, int status, String body) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO idempotent_request (client, key, fingerprint, status, body, created_at)
                     VALUES (?, ?, ?, ?, ?, ?)
                     """)) {
            insert.setString(1, client);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setInt(4, status);
            insert.setString(5, body);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw HttpProblem.builder().withStatus(409).withTitle("Conflict")
                    .withDetail("A request with Idempotency-Key " + key + " is already being carried out").build();
        }
    }

    private static void validate(String key) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                    .withDetail("Idempotency-Key must be 8 to 128 letters, digits, dots, colons, dashes or underscores")
                    .build();
        }
    }
}
