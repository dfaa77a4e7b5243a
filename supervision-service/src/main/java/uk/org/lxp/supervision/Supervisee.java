package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person who holds an LXP post, learnt from roles-service's post events, by opaque staff reference only; with the
 * working days and hours HR sends, or the standard week without them.
 */
@Entity
public class Supervisee {

    /** How a post holder stands against the supervision their role asks for. */
    @Schema(name = "SuperviseeStanding")
    public enum Standing { COMPLIANT, OVERDUE, UNSUPERVISED }

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Standing standing = Standing.COMPLIANT;

    @Column(name = "standing_since")
    private LocalDate standingSince;

    @Column(name = "missing_supervision")
    private String missingSupervision;

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

    /** Takes the standing a review found, with the kinds of supervision missing; says whether anything changed. */
    public boolean stand(Standing found, Set<SupervisionType> missing, LocalDate today) {
        String missingNow = missing.isEmpty() ? null
                : missing.stream().sorted().map(SupervisionType::name).collect(Collectors.joining(","));
        if (found == standing && Objects.equals(missingNow, missingSupervision)) {
            return false;
        }
        if (found != standing) {
            standingSince = today;
        }
        standing = found;
        missingSupervision = missingNow;
        return true;
    }

    public Standing standing() {
        return standing;
    }

    public LocalDate standingSince() {
        return standingSince;
    }

    public List<SupervisionType> missingSupervision() {
        return missingSupervision == null ? List.of()
                : Arrays.stream(missingSupervision.split(",")).map(SupervisionType::valueOf).toList();
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
