package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One meeting of an agreement: when it is (in UTC), and what became of it. Dates, status and attendance only:
 * nothing about what was discussed is ever kept. Its identity in the series is the {@code occurrence} its rule gives,
 * so a moved session updates in place.
 */
@Entity
@Table(name = "supervision_session")
public class SupervisionSession extends Meeting {

    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;

    @Column(name = "supervisor_id", nullable = false)
    private UUID supervisorId;

    @Column(name = "supervisor_staff_reference", nullable = false)
    private String supervisorStaffReference;

    @Column(name = "supervisee_staff_reference", nullable = false)
    private String superviseeStaffReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SupervisionType type;

    private Boolean attended;

    protected SupervisionSession() {
    }

    /** A session of the agreement for one occurrence of its rule, placed at {@code startsAt}, or unscheduled (null). */
    public SupervisionSession(Agreement agreement, LocalDateTime occurrence, Instant startsAt, Instant endsAt,
            String placementNote, Instant now) {
        super(agreement.organisationCode(), occurrence, startsAt, endsAt, placementNote, now);
        this.agreementId = agreement.id();
        this.supervisorId = agreement.supervisorId();
        this.supervisorStaffReference = agreement.supervisorStaffReference();
        this.superviseeStaffReference = agreement.superviseeStaffReference();
        this.type = agreement.type();
    }

    @Override
    protected String kind() {
        return "session";
    }

    /** It took place; {@code attended} says whether the supervisee came (for group sessions). */
    public void held(Boolean attended, Instant now) {
        happened(SessionStatus.HELD, now);
        this.attended = attended == null ? Boolean.TRUE : attended;
    }

    /** It did not take place and nobody cancelled it. */
    public void missed(Instant now) {
        happened(SessionStatus.MISSED, now);
        this.attended = Boolean.FALSE;
    }

    public UUID agreementId() {
        return agreementId;
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

    public Boolean attended() {
        return attended;
    }
}
