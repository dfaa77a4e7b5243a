package uk.org.lxp.roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A steering group's terms of reference for a quorate meeting: enough members present, enough of them with lived
 * experience, and not only staff. A quorum staff alone could make is refused: then the group would not be co-produced.
 */
@Embeddable
public record Quorum(
        @Column(name = "quorum_minimum_present", nullable = false) int minimumPresent,
        @Column(name = "quorum_minimum_lived_experience", nullable = false) int minimumWithLivedExperience,
        @Column(name = "quorum_minimum_not_staff", nullable = false) int minimumNotStaff) {

    public static final Quorum USUAL = new Quorum(4, 2, 1);

    public Quorum {
        if (minimumPresent < 2 || minimumPresent > 50) {
            throw new IllegalArgumentException("A quorum needs 2 to 50 members present");
        }
        if (minimumNotStaff < 1) {
            throw new IllegalArgumentException(
                    "A quorum needs at least one member who is not staff (a person who uses services or a carer)");
        }
        if (minimumWithLivedExperience < 1) {
            throw new IllegalArgumentException("A quorum needs at least one member with lived experience");
        }
        if (minimumWithLivedExperience > minimumPresent || minimumNotStaff > minimumPresent) {
            throw new IllegalArgumentException("A quorum cannot ask for more members of a kind than members present");
        }
    }

    /** Why a meeting with these members present was not quorate; empty when it was. */
    public List<String> shortfalls(Collection<MemberPerspective> present) {
        List<String> shortfalls = new ArrayList<>();
        long withLivedExperience = present.stream().filter(MemberPerspective::hasLivedExperience).count();
        long notStaff = present.stream().filter(p -> !p.isStaff()).count();
        if (present.size() < minimumPresent) {
            shortfalls.add(present.size() + " present, the quorum is " + minimumPresent);
        }
        if (withLivedExperience < minimumWithLivedExperience) {
            shortfalls.add(withLivedExperience + " present with lived experience, the quorum asks for "
                    + minimumWithLivedExperience);
        }
        if (notStaff < minimumNotStaff) {
            shortfalls.add(notStaff + " present who are not staff, the quorum asks for " + minimumNotStaff);
        }
        return shortfalls;
    }
}
