package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import uk.org.lxp.api.Today;

/**
 * One meeting of an agreement: when it is (in UTC), and what became of it. Dates, status and attendance only:
 * nothing about what was discussed is ever kept. Its identity in the series is the {@code occurrence} its rule gives;
 * {@code sequence} rises with every change a calendar should show, so a moved session updates in place.
 */
@Entity
@Table(name = "supervision_session")
public class SupervisionSession {

    @Id
    private UUID id;

    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "supervisor_id", nullable = false)
    private UUID supervisorId;

    @Column(name = "supervisor_staff_reference", nullable = false)
    private String supervisorStaffReference;

    @Column(name = "supervisee_staff_reference", nullable = false)
    private String superviseeStaffReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SupervisionType type;

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

    private Boolean attended;

    @Column(nullable = false)
    private int sequence;

    @Version
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SupervisionSession() {
    }

    /** A session of the agreement for one occurrence of its rule, placed at {@code startsAt}, or unscheduled (null). */
    public SupervisionSession(Agreement agreement, LocalDateTime occurrence, Instant startsAt, Instant endsAt,
            String placementNote, Instant now) {
        this.id = UUID.randomUUID();
        this.agreementId = agreement.id();
        this.organisationCode = agreement.organisationCode();
        this.supervisorId = agreement.supervisorId();
        this.supervisorStaffReference = agreement.supervisorStaffReference();
        this.superviseeStaffReference = agreement.superviseeStaffReference();
        this.type = agreement.type();
        this.occurrence = occurrence;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.status = startsAt == null ? SessionStatus.UNSCHEDULED : SessionStatus.SCHEDULED;
        this.placementNote = placementNote;
        this.updatedAt = now;
    }

    /** Moves the session to a new time (or leaves it unscheduled: null), as a calendar should show. */
    public void moveTo(Instant newStart, Instant newEnd, String note, Instant now) {
        requireOpen();
        this.startsAt = newStart;
        this.endsAt = newEnd;
        this.status = newStart == null ? SessionStatus.UNSCHEDULED : SessionStatus.SCHEDULED;
        this.placementNote = note;
        changed(now);
    }

    /** It took place; {@code attended} says whether the supervisee came (for group sessions). */
    public void held(Boolean attended, Instant now) {
        requireOpen();
        requireStarted(now, "held");
        this.status = SessionStatus.HELD;
        this.attended = attended == null ? Boolean.TRUE : attended;
        changed(now);
    }

    public void cancel(Cancellation cancellation, Instant now) {
        requireOpen();
        this.status = SessionStatus.CANCELLED;
        this.cancelledBy = cancellation.by();
        this.cancellationReason = cancellation.reason();
        changed(now);
    }

    /** It did not take place and nobody cancelled it. */
    public void missed(Instant now) {
        requireOpen();
        requireStarted(now, "missed");
        this.status = SessionStatus.MISSED;
        this.attended = Boolean.FALSE;
        changed(now);
    }

    /** Whether it is still to come and so may be re-planned: scheduled in the future, or unscheduled in a week ahead. */
    public boolean isStillToCome(Instant now) {
        if (status == SessionStatus.UNSCHEDULED) {
            return occurrence.isAfter(LocalDateTime.ofInstant(now, Today.ENGLAND));
        }
        return status == SessionStatus.SCHEDULED && startsAt.isAfter(now);
    }

    private void requireOpen() {
        if (status.isFinal()) {
            throw new IllegalStateException("The session was " + status.name().toLowerCase() + " already");
        }
    }

    private void requireStarted(Instant now, String what) {
        if (startsAt == null || startsAt.isAfter(now)) {
            throw new IllegalArgumentException("A session can be recorded as " + what + " only once it has begun");
        }
    }

    private void changed(Instant now) {
        sequence++;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID agreementId() {
        return agreementId;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public UUID supervisorId() {
        return supervisorId;
    }

    public String supervisorStaffReference() {
        return supervisorStaffReference;
    }

    public String superviseeStaffReference() {
        return superviseeStaffReference;
    }

    public SupervisionType type() {
        return type;
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

    public Boolean attended() {
        return attended;
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
