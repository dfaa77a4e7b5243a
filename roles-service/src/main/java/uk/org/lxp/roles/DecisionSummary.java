package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A steering group's decision as the profile shows it to every reader and on its events: who was present only as a
 * count per perspective, never the members' references, since pairing a reference with "person who uses services"
 * says something about that person.
 */
public record DecisionSummary(UUID id, UUID steeringGroupId, LocalDate meetingOn, SteeringDecision.Matter matter,
        SteeringDecision.Verdict outcome, Map<MemberPerspective, Integer> presentByPerspective,
        List<SteeringDecision.Vote> votes, String rationale, int forRevision, Instant recordedAt) {

    public static DecisionSummary of(SteeringDecision decision) {
        return new DecisionSummary(decision.id(), decision.steeringGroupId(), decision.meetingOn(), decision.matter(),
                decision.outcome(), decision.presentByPerspective(), decision.votes(), decision.rationale(),
                decision.forRevision(), decision.recordedAt());
    }
}
