package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One meeting of a reflective practice group: when (UTC), what became of it, and who attended. Attendance only:
 * nothing said in a group is ever kept.
 */
@Entity
@Table(name = "group_session")
public class GroupSession extends Meeting {

    /** Whether a member came. */
    @Embeddable
    @Schema(name = "GroupSessionAttendance")
    public record Attendance(@Column(name = "staff_reference") String staffReference,
            @Column(name = "attended") boolean attended) {
    }

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(name = "facilitator_id", nullable = false)
    private UUID facilitatorId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_attendance", joinColumns = @JoinColumn(name = "group_session_id"))
    private List<Attendance> attendance = new ArrayList<>();

    protected GroupSession() {
    }

    /** A meeting for one occurrence of the group's rule, placed at {@code startsAt}, or unscheduled (null). */
    public GroupSession(ReflectiveGroup group, LocalDateTime occurrence, Instant startsAt, Instant endsAt,
            String placementNote, Instant now) {
        super(group.organisationCode(), occurrence, startsAt, endsAt, placementNote, now);
        this.groupId = group.id();
        this.facilitatorId = group.facilitatorId();
    }

    @Override
    protected String kind() {
        return "meeting";
    }

    /** It took place, with each member's attendance ({@link ReflectiveGroup#attendance}). */
    public void held(List<Attendance> membersAttendance, Instant now) {
        happened(SessionStatus.HELD, now);
        attendance.clear();
        attendance.addAll(membersAttendance);
    }

    /** Nobody recorded it: it counts as not having taken place. */
    public void missed(Instant now) {
        happened(SessionStatus.MISSED, now);
    }

    public List<Attendance> attendance() {
        return attendance.stream().sorted(Comparator.comparing(Attendance::staffReference)).toList();
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID facilitatorId() {
        return facilitatorId;
    }
}
