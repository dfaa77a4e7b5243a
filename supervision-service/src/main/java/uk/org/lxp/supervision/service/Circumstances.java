package uk.org.lxp.supervision.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.Post;

/**
 * What reviewing the compliance of people in one organisation reads about them, fetched once for all of them: the
 * posts they hold, their active agreements and, only if a review asks, who belongs to a reflective practice group.
 * One query each, however many people are reviewed, instead of one each per person.
 */
final class Circumstances {

    private final Map<String, List<Post>> postsByHolder;
    private final Map<String, List<Agreement>> activeBySupervisee;
    private final Supplier<Map<String, LocalDate>> readGroupMembers;
    private Map<String, LocalDate> groupMembers;

    Circumstances(List<Post> held, List<Agreement> active, Supplier<Map<String, LocalDate>> readGroupMembers) {
        this.postsByHolder = held.stream().filter(post -> post.holderStaffReference() != null)
                .collect(Collectors.groupingBy(Post::holderStaffReference));
        this.activeBySupervisee = active.stream().collect(Collectors.groupingBy(Agreement::superviseeStaffReference));
        this.readGroupMembers = readGroupMembers;
    }

    List<Post> postsHeldBy(String person) {
        return postsByHolder.getOrDefault(person, List.of());
    }

    List<Agreement> activeAgreementsOf(String person) {
        return activeBySupervisee.getOrDefault(person, List.of());
    }

    /** The day the person joined the first active group they still belong to; empty if they belong to none. */
    Optional<LocalDate> groupMemberSince(String person) {
        if (groupMembers == null) {
            groupMembers = readGroupMembers.get();
        }
        return Optional.ofNullable(groupMembers.get(person));
    }
}
