package uk.org.lxp.supervision;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * Someone who supervises LXPs, known only by their employer's opaque staff reference. Whether they are an LXP
 * themselves matters: peer supervision from a more senior LXP is what good practice asks for.
 */
@Entity
public class Supervisor {

    public static final int MAX_CAPACITY = 50;

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "staff_reference", nullable = false)
    private String staffReference;

    @Column(name = "lived_experience", nullable = false)
    private boolean livedExperience;

    @Column(name = "max_supervisees", nullable = false)
    private short maxSupervisees;

    @Column(nullable = false)
    private boolean active;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Supervisor() {
    }

    public Supervisor(String organisationCode, String staffReference, boolean livedExperience, int maxSupervisees,
            Instant now) {
        if (maxSupervisees < 1 || maxSupervisees > MAX_CAPACITY) {
            throw new IllegalArgumentException("A supervisor supervises 1 to " + MAX_CAPACITY + " people");
        }
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.staffReference = staffReference;
        this.livedExperience = livedExperience;
        this.maxSupervisees = (short) maxSupervisees;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String staffReference() {
        return staffReference;
    }

    public boolean livedExperience() {
        return livedExperience;
    }

    public int maxSupervisees() {
        return maxSupervisees;
    }

    public boolean active() {
        return active;
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
