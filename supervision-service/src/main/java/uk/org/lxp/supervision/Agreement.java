package uk.org.lxp.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.OptimisticLock;

/**
 * Who supervises whom, which kind, how often (a {@link Cadence}) and the minimum standard: at least one session
 * held in any so many days. An agreement knows how far ahead its sessions are planned.
 */
@Entity
public class Agreement {

    @Schema(name = "AgreementStatus")
    public enum Status { ACTIVE, ENDED }

    /** What may change of an agreement: its terms. Changing them re-plans the sessions still to come. */
    public record Terms(SupervisionType type, Cadence cadence, int minimumEveryDays) {

        public Terms {
            if (type == null || cadence == null) {
                throw new IllegalArgumentException("An agreement needs its type and cadence");
            }
            if (minimumEveryDays < 1 || minimumEveryDays > 365) {
                throw new IllegalArgumentException("The minimum standard is one session held in 1 to 365 days");
            }
        }
    }

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "supervisee_staff_reference", nullable = false)
    private String superviseeStaffReference;

    @Column(name = "supervisor_id", nullable = false)
    private UUID supervisorId;

    @Column(name = "supervisor_staff_reference", nullable = false)
    private String supervisorStaffReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SupervisionType type;

    @Column(nullable = false)
    private String rule;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "time_of_day", nullable = false)
    private LocalTime timeOfDay;

    @Column(name = "duration_minutes", nullable = false)
    private short durationMinutes;

    @Column(name = "last_day")
    private LocalDate lastDay;

    @Column(name = "minimum_every_days", nullable = false)
    private short minimumEveryDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    /** How far ahead sessions are planned: the planner's bookkeeping, not a change a client should see as a new version. */
    @OptimisticLock(excluded = true)
    @Column(name = "planned_until")
    private LocalDate plannedUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Compliance.Standing standing = Compliance.Standing.COMPLIANT;

    @Column(name = "standing_since")
    private LocalDate standingSince;

    /** Bookkeeping kept with the standing: a change of standing, not of this, is a new version. */
    @OptimisticLock(excluded = true)
    @Column(name = "last_held_on")
    private LocalDate lastHeldOn;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Agreement() {
    }

    public Agreement(String organisationCode, String superviseeStaffReference, Supervisor supervisor, Terms terms,
            Instant now) {
        if (supervisor.organisationCode().equals(organisationCode)
                && supervisor.staffReference().equals(superviseeStaffReference)) {
            throw new IllegalArgumentException("Nobody supervises themselves");
        }
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.superviseeStaffReference = superviseeStaffReference;
        this.supervisorId = supervisor.id();
        this.supervisorStaffReference = supervisor.staffReference();
        this.status = Status.ACTIVE;
        this.createdAt = now;
        apply(terms, now);
    }

    /** Takes new terms; says whether they differ. */
    public boolean change(Terms terms, Instant now) {
        requireActive();
        if (terms.equals(terms())) {
            return false;
        }
        apply(terms, now);
        return true;
    }

    /** Ends the agreement after {@code lastDay}: no session is planned beyond it (none at all, the day before its first). */
    public void end(LocalDate lastDay, Instant now) {
        requireActive();
        if (lastDay.isBefore(firstDay.minusDays(1))) {
            throw new IllegalArgumentException("An agreement ends on its first day at the earliest, or the day before it"
                    + " (" + firstDay.minusDays(1) + ") to have no session at all");
        }
        this.lastDay = lastDay;
        this.status = Status.ENDED;
        this.updatedAt = now;
    }

    /**
     * Where the agreement stands on {@code today} against its minimum standard, given the last day a session counted
     * as held and the days of past sessions still awaiting their record; says whether its standing changed. An ended
     * agreement is not reviewed.
     */
    public boolean review(LocalDate lastHeld, List<LocalDate> awaitingRecord, LocalDate today) {
        if (status == Status.ENDED) {
            return false;
        }
        lastHeldOn = lastHeld;
        Compliance.Standing now = Compliance.standing(firstDay, minimumEveryDays, lastHeld, awaitingRecord, today);
        if (now == standing) {
            return false;
        }
        standing = now;
        standingSince = today;
        return true;
    }

    /** Its sessions are now planned up to and including {@code day}. */
    public void plannedUntil(LocalDate day) {
        this.plannedUntil = day;
    }

    private void requireActive() {
        if (status == Status.ENDED) {
            throw new IllegalStateException("The agreement has ended");
        }
    }

    private void apply(Terms terms, Instant now) {
        Cadence cadence = terms.cadence();
        this.type = terms.type();
        this.rule = cadence.rule();
        this.firstDay = cadence.firstDay();
        this.timeOfDay = cadence.time();
        this.durationMinutes = (short) cadence.duration().toMinutes();
        this.lastDay = cadence.lastDay();
        this.minimumEveryDays = (short) terms.minimumEveryDays();
        this.updatedAt = now;
    }

    public Terms terms() {
        return new Terms(type, cadence(), minimumEveryDays);
    }

    public Cadence cadence() {
        return new Cadence(rule, firstDay, timeOfDay, Duration.ofMinutes(durationMinutes), lastDay);
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String superviseeStaffReference() {
        return superviseeStaffReference;
    }

    public UUID supervisorId() {
        return supervisorId;
    }

    public String supervisorStaffReference() {
        return supervisorStaffReference;
    }

    public SupervisionType type() {
        return type;
    }

    public int minimumEveryDays() {
        return minimumEveryDays;
    }

    public Status status() {
        return status;
    }

    public Compliance.Standing standing() {
        return standing;
    }

    public LocalDate standingSince() {
        return standingSince;
    }

    public LocalDate lastHeldOn() {
        return lastHeldOn;
    }

    public LocalDate plannedUntil() {
        return plannedUntil;
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
