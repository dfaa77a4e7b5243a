package uk.org.lxp.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.OptimisticLock;

/**
 * A team's reflective practice group: a facilitator (a registered supervisor), members by opaque staff reference, and
 * a cadence (usually weekly) planned by the same engine as agreements, at a time the facilitator and every member can
 * meet. Attending counts towards a member's supervision standard only where their role profile asks for group
 * supervision.
 */
@Entity
@Table(name = "reflective_group")
public class ReflectiveGroup {

    @Schema(name = "ReflectiveGroupStatus")
    public enum Status { ACTIVE, ENDED }

    public static final int MAX_MEMBERS = 30;

    /** A member, and the day they joined. */
    @Embeddable
    @Schema(name = "ReflectiveGroupMember")
    public record Member(@Column(name = "staff_reference") String staffReference,
            @Column(name = "joined_on") LocalDate joinedOn) {
    }

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "facilitator_id", nullable = false)
    private UUID facilitatorId;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @OptimisticLock(excluded = true)
    @Column(name = "planned_until")
    private LocalDate plannedUntil;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reflective_group_member", joinColumns = @JoinColumn(name = "group_id"))
    private List<Member> members = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReflectiveGroup() {
    }

    public ReflectiveGroup(String organisationCode, String name, Supervisor facilitator, Cadence cadence,
            Set<String> members, LocalDate today, Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A reflective practice group has a name");
        }
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.name = name.strip();
        this.facilitatorId = facilitator.id();
        this.rule = cadence.rule();
        this.firstDay = cadence.firstDay();
        this.timeOfDay = cadence.time();
        this.durationMinutes = (short) cadence.duration().toMinutes();
        this.lastDay = cadence.lastDay();
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
        changeMembers(members, today, now);
    }

    /** The members from now on: those who stay keep the day they joined, newcomers join today. Says whether any changed. */
    public boolean changeMembers(Set<String> staffReferences, LocalDate today, Instant now) {
        if (staffReferences.isEmpty() || staffReferences.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("A reflective practice group has 1 to " + MAX_MEMBERS + " members");
        }
        if (status == Status.ENDED) {
            throw new IllegalStateException("The group has ended");
        }
        if (staffReferences.equals(Set.copyOf(memberReferences()))) {
            return false;
        }
        members.removeIf(member -> !staffReferences.contains(member.staffReference()));
        List<String> staying = memberReferences();
        staffReferences.stream().filter(reference -> !staying.contains(reference)).sorted()
                .forEach(reference -> members.add(new Member(reference, today)));
        updatedAt = now;
        return true;
    }

    /** Ends the group after {@code lastDay}: no meeting is planned beyond it. */
    public void end(LocalDate lastDay, Instant now) {
        if (status == Status.ENDED) {
            throw new IllegalStateException("The group has ended");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("A group cannot end before its first day " + firstDay);
        }
        this.lastDay = lastDay;
        this.status = Status.ENDED;
        this.updatedAt = now;
    }

    /** Every member's attendance of a meeting: those named came, the rest did not; naming anyone else is refused. */
    public List<GroupSession.Attendance> attendance(Set<String> attended) {
        List<String> references = memberReferences();
        attended.stream().filter(person -> !references.contains(person)).findFirst().ifPresent(stranger -> {
            throw new IllegalArgumentException(stranger + " is not a member of the group");
        });
        return references.stream().sorted()
                .map(member -> new GroupSession.Attendance(member, attended.contains(member))).toList();
    }

    public void plannedUntil(LocalDate day) {
        this.plannedUntil = day;
    }

    public Cadence cadence() {
        return new Cadence(rule, firstDay, timeOfDay, Duration.ofMinutes(durationMinutes), lastDay);
    }

    public List<String> memberReferences() {
        return members.stream().map(Member::staffReference).toList();
    }

    public List<Member> members() {
        return members.stream().sorted(Comparator.comparing(Member::staffReference)).toList();
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String name() {
        return name;
    }

    public UUID facilitatorId() {
        return facilitatorId;
    }

    public Status status() {
        return status;
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
