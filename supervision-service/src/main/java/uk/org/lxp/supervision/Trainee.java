package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Someone on a training cohort, by an opaque reference (they need not hold a post yet): their mentor, whose weekly
 * sessions are a MENTORING agreement planned like any other, which modules they attended, how they finished, and the
 * post they were recruited into. A withdrawal keeps a reason category only.
 */
@Entity
public class Trainee {

    @Schema(name = "TraineeStatus")
    public enum Status { ENROLLED, COMPLETED, WITHDRAWN }

    /** Why a trainee left the programme early: categories only, never a health or personal detail. */
    public enum WithdrawalReason {
        PERSONAL_CIRCUMSTANCES, TOOK_OTHER_EMPLOYMENT, PROGRAMME_NOT_RIGHT_FOR_THEM, NOT_RECRUITED, SERVICE_CHANGE, OTHER
    }

    /** Whether the trainee attended a module of the curriculum (by its position). */
    @Embeddable
    public record ModuleAttendance(@Column(name = "module_position") int modulePosition,
            @Column(name = "attended") boolean attended) {
    }

    @Id
    private UUID id;

    @Column(name = "cohort_id", nullable = false)
    private UUID cohortId;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "trainee_reference", nullable = false)
    private String traineeReference;

    @Column(name = "mentor_id")
    private UUID mentorId;

    @Column(name = "mentor_is_lxp")
    private Boolean mentorIsLxp;

    @Column(name = "mentoring_agreement_id")
    private UUID mentoringAgreementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_reason")
    private WithdrawalReason withdrawalReason;

    @Column(name = "finished_on")
    private LocalDate finishedOn;

    @Column(name = "recruited_post_id")
    private UUID recruitedPostId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "module_attendance", joinColumns = @JoinColumn(name = "trainee_id"))
    private List<ModuleAttendance> attendance = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Trainee() {
    }

    public Trainee(TrainingCohort cohort, String traineeReference, Instant now) {
        this.id = UUID.randomUUID();
        this.cohortId = cohort.id();
        this.organisationCode = cohort.organisationCode();
        this.traineeReference = traineeReference;
        this.status = Status.ENROLLED;
        this.enrolledAt = now;
        this.updatedAt = now;
    }

    /** A mentor, and the agreement under which their weekly sessions are planned. */
    public void mentoredBy(Supervisor mentor, UUID agreementId, Instant now) {
        requireEnrolled();
        this.mentorId = mentor.id();
        this.mentorIsLxp = mentor.livedExperience();
        this.mentoringAgreementId = agreementId;
        this.updatedAt = now;
    }

    /** Records attendance of a module whose week has begun; a later record of the same module replaces it. */
    public void attended(TrainingCohort.Module module, boolean attended, Instant now) {
        requireEnrolled();
        this.attendance.removeIf(record -> record.modulePosition() == module.position());
        this.attendance.add(new ModuleAttendance(module.position(), attended));
        this.updatedAt = now;
    }

    public void complete(LocalDate day, Instant now) {
        requireEnrolled();
        this.status = Status.COMPLETED;
        this.finishedOn = day;
        this.updatedAt = now;
    }

    public void withdraw(WithdrawalReason reason, LocalDate day, Instant now) {
        requireEnrolled();
        this.status = Status.WITHDRAWN;
        this.withdrawalReason = reason;
        this.finishedOn = day;
        this.updatedAt = now;
    }

    /** The post the trainee was recruited into. */
    public void recruitedInto(UUID postId, Instant now) {
        this.recruitedPostId = postId;
        this.updatedAt = now;
    }

    /** What a workforce lead should look at: no mentor yet, or a mentor who is not an LXP. */
    public List<String> flags() {
        if (status != Status.ENROLLED) {
            return List.of();
        }
        if (mentorId == null) {
            return List.of("NO_MENTOR");
        }
        return Boolean.FALSE.equals(mentorIsLxp) ? List.of("MENTOR_NOT_AN_LXP") : List.of();
    }

    /** Refused once the trainee has completed or withdrawn: nothing more is recorded of them. */
    public void requireEnrolled() {
        if (status != Status.ENROLLED) {
            throw new IllegalStateException("The trainee has " + (status == Status.COMPLETED ? "completed" : "withdrawn")
                    + " already");
        }
    }

    public List<ModuleAttendance> attendance() {
        return attendance.stream().sorted(Comparator.comparingInt(ModuleAttendance::modulePosition)).toList();
    }

    public UUID id() {
        return id;
    }

    public UUID cohortId() {
        return cohortId;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String traineeReference() {
        return traineeReference;
    }

    public UUID mentorId() {
        return mentorId;
    }

    public Boolean mentorIsLxp() {
        return mentorIsLxp;
    }

    public UUID mentoringAgreementId() {
        return mentoringAgreementId;
    }

    public Status status() {
        return status;
    }

    public WithdrawalReason withdrawalReason() {
        return withdrawalReason;
    }

    public LocalDate finishedOn() {
        return finishedOn;
    }

    public UUID recruitedPostId() {
        return recruitedPostId;
    }

    public int version() {
        return version;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
