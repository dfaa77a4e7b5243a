package uk.org.lxp.payequity.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What each compacted figures topic last said for each key: figures are published only when their digest (SHA-256 of
 * their JSON) differs from the last one, so a dashboard sees a change, not a republication.
 */
@ApplicationScoped
public class PublishedFigures {

    private final EntityManager entities;
    private final ObjectMapper json;
    private final Clock clock;

    PublishedFigures(EntityManager entities, ObjectMapper json, Clock clock) {
        this.entities = entities;
        this.json = json;
        this.clock = clock;
    }

    /** The keys the topic has figures for. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> keys(String topic) {
        return entities.createNativeQuery("SELECT figures_key FROM published_figures WHERE topic = ?1")
                .setParameter(1, topic).getResultList();
    }

    /**
     * Runs {@code publish} and remembers the figures when they differ from those last published under the key; says
     * whether it did. In the caller's transaction, with the event it publishes.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean publishIfChanged(String topic, String key, Object figures, Runnable publish) {
        String digest = digest(figures);
        List<String> last = entities.createNativeQuery("SELECT digest FROM published_figures WHERE topic = ?1"
                + " AND figures_key = ?2").setParameter(1, topic).setParameter(2, key).getResultList();
        if (!last.isEmpty() && digest.equals(last.get(0))) {
            return false;
        }
        publish.run();
        entities.createNativeQuery("INSERT INTO published_figures (topic, figures_key, digest, published_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (topic, figures_key)"
                        + " DO UPDATE SET digest = excluded.digest, published_at = excluded.published_at")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, digest).setParameter(4, clock.instant())
                .executeUpdate();
        return true;
    }

    private String digest(Object figures) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(figures).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not digest figures for " + figures.getClass().getSimpleName(), e);
        }
    }
}
