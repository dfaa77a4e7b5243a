package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organisation's (or, for system-wide profiles, an ICB's) co-produced steering group: LXPs, people who use services,
 * carers, clinicians and managers who decide together how lived experience roles are designed, introduced and
 * supported. Members are opaque references with a perspective; the quorum is its terms of reference.
 */
@Entity
@Table(name = "steering_group")
public class SteeringGroup {

    public static final int MOST_MEMBERS = 60;

    /** Everything about a group that may change; the owner may not. */
    public record Terms(String name, Quorum quorum, List<SteeringGroupMember> members) {
    }

    @Id
    private UUID id;

    @Column(name = "owner_ods_code", nullable = false)
    private String ownerOdsCode;

    @Column(nullable = false)
    private String name;

    @Embedded
    private Quorum quorum;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "steering_group_member", joinColumns = @JoinColumn(name = "steering_group_id"))
    private List<SteeringGroupMember> members = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SteeringGroup() {
    }

    public SteeringGroup(String ownerOdsCode, Terms terms, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerOdsCode = ownerOdsCode;
        this.createdAt = now;
        change(terms, now);
    }

    public void change(Terms terms, Instant now) {
        if (terms.name() == null || terms.name().isBlank()) {
            throw new IllegalArgumentException("A steering group needs a name");
        }
        if (terms.quorum() == null) {
            throw new IllegalArgumentException("A steering group needs its quorum");
        }
        List<SteeringGroupMember> newMembers = terms.members() == null ? List.of() : terms.members();
        Set<String> references = new HashSet<>();
        for (SteeringGroupMember member : newMembers) {
            if (!references.add(member.memberRef())) {
                throw new IllegalArgumentException("Member " + member.memberRef() + " is listed twice");
            }
        }
        if (newMembers.size() > MOST_MEMBERS) {
            throw new IllegalArgumentException("A steering group has at most " + MOST_MEMBERS + " members");
        }
        this.name = terms.name();
        this.quorum = terms.quorum();
        this.members = new ArrayList<>(newMembers);
        this.updatedAt = now;
    }

    /**
     * A decision taken at a meeting of this group with these members present. Members not in the group, a meeting
     * that was not quorate, or votes that do not add up to those present are refused; the decision keeps each present
     * member's perspective as it was, whatever the group's membership becomes.
     */
    public SteeringDecision decide(LocalDate meetingOn, SteeringDecision.Matter matter, SteeringDecision.Verdict outcome,
            List<String> presentReferences, List<SteeringDecision.Vote> votes, String rationale, int forRevision,
            Instant now) {
        Map<String, SteeringGroupMember> byReference = new LinkedHashMap<>();
        members.forEach(member -> byReference.put(member.memberRef(), member));
        List<SteeringGroupMember> present = new ArrayList<>();
        for (String reference : new LinkedHashSet<>(presentReferences)) {
            SteeringGroupMember member = byReference.get(reference);
            if (member == null) {
                throw new NotAMember(reference);
            }
            present.add(member);
        }
        List<String> shortfalls = quorum.shortfalls(present.stream().map(SteeringGroupMember::perspective).toList());
        if (!shortfalls.isEmpty()) {
            throw new NotQuorate(String.join("; ", shortfalls));
        }
        requireVotesOfThosePresent(present, votes);
        return new SteeringDecision(UUID.randomUUID(), id, meetingOn, matter, outcome, List.copyOf(present),
                List.copyOf(votes), rationale, forRevision, now);
    }

    private static void requireVotesOfThosePresent(List<SteeringGroupMember> present, List<SteeringDecision.Vote> votes) {
        Map<MemberPerspective, Long> presentBy = new LinkedHashMap<>();
        present.forEach(member -> presentBy.merge(member.perspective(), 1L, Long::sum));
        Map<MemberPerspective, Long> castBy = new LinkedHashMap<>();
        votes.forEach(vote -> castBy.merge(vote.perspective(), (long) vote.cast(), Long::sum));
        for (MemberPerspective perspective : MemberPerspective.values()) {
            long there = presentBy.getOrDefault(perspective, 0L);
            long cast = castBy.getOrDefault(perspective, 0L);
            if (there != cast) {
                throw new IllegalArgumentException("The votes of " + perspective + " count " + cast + " but " + there
                        + " of them were present");
            }
        }
    }

    /** A reference that is not one of the group's members. */
    public static final class NotAMember extends RuntimeException {
        public NotAMember(String reference) {
            super("Member " + reference + " is not a member of this steering group");
        }
    }

    /** A meeting that did not meet the group's quorum. */
    public static final class NotQuorate extends RuntimeException {
        public NotQuorate(String shortfalls) {
            super("The meeting was not quorate: " + shortfalls);
        }
    }

    public UUID id() {
        return id;
    }

    public String ownerOdsCode() {
        return ownerOdsCode;
    }

    public String name() {
        return name;
    }

    public Quorum quorum() {
        return quorum;
    }

    public List<SteeringGroupMember> members() {
        return List.copyOf(members);
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
