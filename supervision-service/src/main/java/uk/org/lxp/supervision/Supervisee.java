package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A person who holds an LXP post, learnt from roles-service's post events, by opaque staff reference only; with the
 * working days and hours HR sends, or the standard week without them.
 */
@Entity
public class Supervisee {

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "staff_reference", nullable = false)
    private String staffReference;

    @Column(name = "working_days")
    private String workingDays;

    @Column(name = "working_from")
    private LocalTime workingFrom;

    @Column(name = "working_to")
    private LocalTime workingTo;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Version
    private int version;

    protected Supervisee() {
    }

    public Supervisee(String organisationCode, String staffReference, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.staffReference = staffReference;
        this.firstSeenAt = now;
    }

    /** The pattern HR sent, or the standard week. */
    public WorkingPattern workingPattern() {
        if (workingDays == null) {
            return WorkingPattern.STANDARD;
        }
        return WorkingPattern.stored(workingDays, workingFrom, workingTo);
    }

    public boolean hasOwnPattern() {
        return workingDays != null;
    }

    /** Says whether the pattern differed from the one held. */
    public boolean works(WorkingPattern pattern) {
        if (hasOwnPattern() && pattern.equals(workingPattern())) {
            return false;
        }
        workingDays = pattern.storedDays();
        workingFrom = pattern.start();
        workingTo = pattern.end();
        return true;
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

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public int version() {
        return version;
    }
}
