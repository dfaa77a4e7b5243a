package uk.org.lxp.roles.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.JobEvaluation;
import uk.org.lxp.roles.JobEvaluationScheme;

@Schema(name = "JobEvaluationRequest", description = "A panel's evaluation of the profile against the 16 factors of the"
        + " NHS Job Evaluation Scheme")
public record JobEvaluationRequest(
        @Schema(example = "2026-11-12") @NotNull LocalDate evaluatedOn,
        @Schema(description = "Every one of the 16 factors once: a level, or a range of levels as national profiles give")
        @NotNull @Size(min = 16, max = 16) @Valid List<@NotNull Rating> factors,
        @NotNull @Valid PanelRequest panel) {

    @Schema(name = "JobEvaluationFactorRating")
    public record Rating(
            @Schema(description = "1 to 16, in the scheme's order (1 Communication and relationship skills)", example = "1")
            @NotNull @Min(1) @Max(16) Integer factor,
            @Schema(example = "3") @NotNull @Min(1) @Max(10) Integer levelFrom,
            @Schema(description = "The same as levelFrom for a single level", example = "4")
            @NotNull @Min(1) @Max(10) Integer levelTo) {
    }

    @Schema(name = "JobEvaluationPanel", description = "The panel's make-up by side; never who sat on it")
    public record PanelRequest(
            @Schema(example = "1") @NotNull @Min(1) @Max(10) Integer management,
            @Schema(example = "1") @NotNull @Min(1) @Max(10) Integer staffSide,
            @Schema(description = "Panel members with lived experience, of either side", example = "1")
            @NotNull @Min(0) @Max(20) Integer withLivedExperience) {
    }

    List<JobEvaluationScheme.FactorRating> ratings() {
        return factors.stream().map(f -> new JobEvaluationScheme.FactorRating(f.factor(), f.levelFrom(), f.levelTo())).toList();
    }

    JobEvaluation.Panel panelMakeUp() {
        return new JobEvaluation.Panel(panel.management(), panel.staffSide(), panel.withLivedExperience());
    }
}
