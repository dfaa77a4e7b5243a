package uk.org.lxp.roles.rest;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Perspective;
import uk.org.lxp.roles.RoleReview;

@Schema(name = "RoleReviewRequest", description = "A regular review of a published role that has taken place")
public record RoleReviewRequest(
        @Schema(example = "2026-11-20") @NotNull LocalDate reviewedOn,
        @Schema(example = "[\"PEOPLE_WHO_USE_SERVICES\", \"TEAM_MEMBERS\", \"LIVED_EXPERIENCE_LEADS\"]")
        @NotEmpty Set<@NotNull Perspective> perspectives,
        @Schema(description = "KEEP the role as it is, REVISE it or RETIRE it (a revision or retirement still needs"
                + " the steering group's decision where the organisation co-produces its roles)", example = "KEEP")
        @NotNull RoleReview.Conclusion outcome,
        @Schema(example = "The role works as designed; supervision from the lived experience lead is valued.")
        @Size(max = 2000) String summary) {
}
