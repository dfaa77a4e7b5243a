package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import uk.org.lxp.api.Today;

/**
 * What a supervision session and a reflective practice group's meeting share: one occurrence of a rule, where it was
 * placed (UTC; none while unscheduled), and what became of it. {@code sequence} rises with every change a calendar
 * should show; the grace period for recording it runs from its end, and from when it was planned.
 */
@MappedSuperclass
public abstract class Meeting {

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(nullable = false)
    private LocalDateTime occurrence;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status;

    @Column(name = "placement_note")
    private String placementNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private Cancellation.By cancelledBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_reason")
    private Cancellation.Reason cancellationReason;

    @Column(nullable = false)
    private int sequence;

    @Version
    private int version;

    @Column(name = "planned_at", nullable = false)
    private Instant plannedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Meeting() {
    }

    /** For one occurrence of a rule, placed at {@code startsAt}, or unscheduled (null). */
    protected Meeting(String organisationCode, LocalDateTime occurrence, Instant startsAt, Instant endsAt,
            String placementNote, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.occurrence = occurrence;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.status = startsAt == null ? SessionStatus.UNSCHEDULED : SessionStatus.SCHEDULED;
        this.placementNote = placementNote;
        this.plannedAt = now;
        this.updatedAt = now;
    }

    /** "session" or "meeting", as refusals name it. */
    protected abstract String kind();

    /** Moves it to a new time (or leaves it unscheduled: null), as a calendar should show. */
    public void moveTo(Instant newStart, Instant newEnd, String note, Instant now) {
        requireOpen();
        this.startsAt = newStart;
        this.endsAt = newEnd;
        this.status = newStart == null ? SessionStatus.UNSCHEDULED : SessionStatus.SCHEDULED;
        this.placementNote = note;
        changed(now);
    }

    public void cancel(Cancellation cancellation, Instant now) {
        requireOpen();
        this.status = SessionStatus.CANCELLED;
        this.cancelledBy = cancellation.by();
        this.cancellationReason = cancellation.reason();
        changed(now);
    }

    /** Whether it is still to come and so may be re-planned: scheduled in the future, or unscheduled in a week ahead. */
    public boolean isStillToCome(Instant now) {
        if (status == SessionStatus.UNSCHEDULED) {
            return occurrence.isAfter(LocalDateTime.ofInstant(now, Today.ENGLAND));
        }
        return status == SessionStatus.SCHEDULED && startsAt.isAfter(now);
    }

    /** It took place, or (nobody having cancelled it) did not: recorded once it has begun. */
    protected void happened(SessionStatus outcome, Instant now) {
        requireOpen();
        if (startsAt == null || startsAt.isAfter(now)) {
            throw new IllegalArgumentException("A " + kind() + " can be recorded as " + outcome.name().toLowerCase(Locale.ROOT)
                    + " only once it has begun");
        }
        this.status = outcome;
        changed(now);
    }

    private void requireOpen() {
        if (status.isFinal()) {
            throw new IllegalStateException("The " + kind() + " was " + status.name().toLowerCase(Locale.ROOT) + " already");
        }
    }

    private void changed(Instant now) {
        sequence++;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public LocalDateTime occurrence() {
        return occurrence;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public SessionStatus status() {
        return status;
    }

    public String placementNote() {
        return placementNote;
    }

    public Cancellation.By cancelledBy() {
        return cancelledBy;
    }

    public Cancellation.Reason cancellationReason() {
        return cancellationReason;
    }

    public int sequence() {
        return sequence;
    }

    public int version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
