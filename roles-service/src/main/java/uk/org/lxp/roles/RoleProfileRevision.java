package uk.org.lxp.roles;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A role profile as it stood after one change; written once, never altered. */
@Entity
@Table(name = "role_profile_revision")
public class RoleProfileRevision {

    @Embeddable
    public record Key(@Column(name = "role_profile_id") UUID roleProfileId, @Column(name = "revision") int revision)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoleProfile.Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> snapshot;

    protected RoleProfileRevision() {
    }

    public RoleProfileRevision(RoleProfile profile, Map<String, Object> snapshotJson) {
        this.key = new Key(profile.id(), profile.revision());
        this.recordedAt = profile.updatedAt();
        this.status = profile.status();
        this.snapshot = snapshotJson;
    }

    public int revision() {
        return key.revision();
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public RoleProfile.Status status() {
        return status;
    }

    public Map<String, Object> snapshot() {
        return snapshot;
    }
}
