package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a quorate steering-group meeting decided about a role profile, who was there (by reference and perspective),
 * how each perspective voted and why. Kept on the profile, so it is part of its revisions and events.
 */
public record SteeringDecision(UUID id, UUID steeringGroupId, LocalDate meetingOn, Matter matter, Verdict outcome,
        List<SteeringGroupMember> present, List<Vote> votes, String rationale, int forRevision, Instant recordedAt) {

    /** What the group was asked to decide. */
    @Schema(name = "SteeringDecisionMatter")
    public enum Matter { PUBLISH, REVISE, RETIRE }

    @Schema(name = "SteeringDecisionOutcome")
    public enum Verdict { APPROVED, CHANGES_REQUESTED, DECLINED }

    /** How the members of one perspective who were present voted. */
    @Schema(name = "SteeringDecisionVoteTally")
    public record Vote(MemberPerspective perspective, int inFavour, int against, int abstained) {

        public Vote {
            if (perspective == null || inFavour < 0 || against < 0 || abstained < 0) {
                throw new IllegalArgumentException("A vote names a perspective and counts of zero or more");
            }
        }

        int cast() {
            return inFavour + against + abstained;
        }
    }

    /** Whether this decision is on the matter and was taken on the profile's content as it still is. */
    boolean concerns(Matter asked, int lastMaterialRevision) {
        return matter == asked && forRevision >= lastMaterialRevision;
    }

    /** How many of those present brought each perspective: what a decision shows outside the steering group. */
    public Map<MemberPerspective, Integer> presentByPerspective() {
        Map<MemberPerspective, Integer> counts = new EnumMap<>(MemberPerspective.class);
        present.forEach(member -> counts.merge(member.perspective(), 1, Integer::sum));
        return counts;
    }
}
