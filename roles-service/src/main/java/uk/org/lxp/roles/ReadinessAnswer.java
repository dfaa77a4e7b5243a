package uk.org.lxp.roles;

import java.time.LocalDate;
import java.util.Set;

/** How a readiness topic was settled for a role, and whose perspectives went into the answer (never who). */
public record ReadinessAnswer(String topicCode, String answer, Set<Perspective> perspectives, LocalDate answeredOn) {

    public ReadinessAnswer {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("An answer needs its text");
        }
        if (perspectives == null || perspectives.isEmpty()) {
            throw new IllegalArgumentException("An answer names at least one perspective that contributed to it");
        }
        perspectives = Set.copyOf(perspectives);
    }

    boolean heardUsersOrCarers() {
        return perspectives.stream().anyMatch(Perspective::speaksForUsersOrCarers);
    }

    boolean heardProvider() {
        return perspectives.stream().anyMatch(Perspective::speaksForProvider);
    }
}
