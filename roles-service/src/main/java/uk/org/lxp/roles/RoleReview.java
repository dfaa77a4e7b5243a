package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A regular review of a published role, with the perspectives that took part and what it concluded. */
public record RoleReview(LocalDate reviewedOn, Set<Perspective> perspectives, Conclusion outcome, String summary,
        Instant recordedAt) {

    @Schema(name = "RoleReviewConclusion")
    public enum Conclusion { KEEP, REVISE, RETIRE }

    public RoleReview {
        if (reviewedOn == null || outcome == null) {
            throw new IllegalArgumentException("A review needs its date and its outcome");
        }
        if (perspectives == null || perspectives.isEmpty()) {
            throw new IllegalArgumentException("A review names at least one perspective that took part");
        }
        perspectives = Set.copyOf(perspectives);
    }
}
