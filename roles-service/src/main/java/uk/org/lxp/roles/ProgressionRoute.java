package uk.org.lxp.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A way from one role to another, and what it takes (e.g. a qualification, a year at the lower role). */
@Entity
@Table(name = "progression_route")
public class ProgressionRoute {

    @Schema(name = "ProgressionRouteKind")
    public enum Kind { PRACTICE, MANAGERIAL }

    @Id
    private UUID id;

    @Column(name = "from_profile_id", nullable = false)
    private UUID fromProfileId;

    @Column(name = "to_profile_id", nullable = false)
    private UUID toProfileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> requirements = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProgressionRoute() {
    }

    public ProgressionRoute(UUID fromProfileId, UUID toProfileId, Kind kind, List<String> requirements, Instant now) {
        if (fromProfileId.equals(toProfileId)) {
            throw new IllegalArgumentException("A route leads from one role to another, not to itself");
        }
        this.id = UUID.randomUUID();
        this.fromProfileId = fromProfileId;
        this.toProfileId = toProfileId;
        this.kind = kind;
        this.requirements = new ArrayList<>(requirements);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID fromProfileId() {
        return fromProfileId;
    }

    public UUID toProfileId() {
        return toProfileId;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> requirements() {
        return List.copyOf(requirements);
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
