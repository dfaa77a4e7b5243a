package uk.org.lxp.supervision;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's sessions as an iCalendar feed, for calendar clients that cannot sign in: reached by an unguessable
 * token, of which only the SHA-256 is kept, until revoked.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Schema(name = "CalendarFeedOwner")
    public enum Owner { SUPERVISOR, SUPERVISEE }

    @Id
    private UUID id;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Owner owner;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "staff_reference", nullable = false)
    private String staffReference;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String tokenHash, Owner owner, String organisationCode, String staffReference, String createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash;
        this.owner = owner;
        this.organisationCode = organisationCode;
        this.staffReference = staffReference;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public UUID id() {
        return id;
    }

    public Owner owner() {
        return owner;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String staffReference() {
        return staffReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
