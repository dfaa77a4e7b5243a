package uk.org.lxp.supervision.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.Cadence;
import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.ReflectiveGroup;
import uk.org.lxp.supervision.SessionStatus;

/**
 * Reflective practice groups and what became of their meetings, keyed by group id so a group's events stay in order:
 * an internal topic (members' staff references). Attendance only, never what was said.
 */
@ApplicationScoped
public class ReflectiveGroupEvents {

    public static final String TOPIC = "lxp.supervision.reflective-group.v1";
    public static final String FORMED = "lxp.supervision.ReflectiveGroupFormed";
    public static final String CHANGED = "lxp.supervision.ReflectiveGroupChanged";
    public static final String ENDED = "lxp.supervision.ReflectiveGroupEnded";
    public static final String MEETING_HELD = "lxp.supervision.ReflectiveGroupMeetingHeld";
    public static final String MEETING_CANCELLED = "lxp.supervision.ReflectiveGroupMeetingCancelled";
    public static final String MEETING_MISSED = "lxp.supervision.ReflectiveGroupMeetingMissed";

    private final Outbox outbox;

    ReflectiveGroupEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record GroupState(UUID id, String organisationCode, String name, UUID facilitatorId, String rule,
            LocalDate firstDay, LocalTime time, long durationMinutes, LocalDate lastDay, ReflectiveGroup.Status status,
            List<ReflectiveGroup.Member> members, int version, Instant updatedAt) {

        static GroupState of(ReflectiveGroup group) {
            Cadence cadence = group.cadence();
            return new GroupState(group.id(), group.organisationCode(), group.name(), group.facilitatorId(),
                    cadence.rule(), cadence.firstDay(), cadence.time(), cadence.duration().toMinutes(), cadence.lastDay(),
                    group.status(), group.members(), group.version(), group.updatedAt());
        }
    }

    public record MeetingState(UUID id, UUID groupId, String organisationCode, LocalDateTime occurrence,
            Instant startsAt, Instant endsAt, SessionStatus status, Cancellation.By cancelledBy,
            Cancellation.Reason cancellationReason, List<GroupSession.Attendance> attendance, int version) {

        static MeetingState of(GroupSession meeting) {
            return new MeetingState(meeting.id(), meeting.groupId(), meeting.organisationCode(), meeting.occurrence(),
                    meeting.startsAt(), meeting.endsAt(), meeting.status(), meeting.cancelledBy(),
                    meeting.cancellationReason(), meeting.attendance(), meeting.version());
        }
    }

    public void record(String type, ReflectiveGroup group) {
        outbox.record(new OutboxEvent("reflective-group", group.id().toString(), type, TOPIC, GroupState.of(group)));
    }

    public void recordMeeting(String type, GroupSession meeting) {
        outbox.record(new OutboxEvent("reflective-group", meeting.groupId().toString(), type, TOPIC,
                MeetingState.of(meeting)));
    }
}
