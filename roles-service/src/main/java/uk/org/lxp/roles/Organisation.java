package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * An employer of LXPs or a body that groups them (an ICB). Organisations are effective-dated because they
 * merge: a merged trust gets a {@code validTo} and names its successor.
 */
@Entity
public class Organisation {

    @Id
    private UUID id;

    @Column(name = "ods_code", nullable = false, unique = true)
    private String odsCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_ods_code")
    private String successorOdsCode;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organisation() {
    }

    public Organisation(String odsCode, String name, OrganisationType type, LocalDate validFrom, LocalDate validTo,
            String successorOdsCode, Instant now) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        this.id = UUID.randomUUID();
        this.odsCode = odsCode;
        this.name = name;
        this.type = type;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.successorOdsCode = successorOdsCode;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether the organisation existed on the given day. */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public UUID id() {
        return id;
    }

    public String odsCode() {
        return odsCode;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String successorOdsCode() {
        return successorOdsCode;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
