package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.roles.JobEvaluationFactorLevel;
import uk.org.lxp.roles.JobWeightBandRange;
import uk.org.lxp.roles.service.JobEvaluationSchemeService;

@Path("/api/v1/job-evaluation-scheme")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Job evaluation", description = "The NHS Job Evaluation Scheme: factor points and the job-weight range of each"
        + " band, and role profiles' evaluations against it")
@SecurityRequirement(name = "keycloak")
public class JobEvaluationSchemeResource {

    private final JobEvaluationSchemeService service;

    JobEvaluationSchemeResource(JobEvaluationSchemeService service) {
        this.service = service;
    }

    @Schema(name = "JobEvaluationScheme")
    public record SchemeResponse(List<Factor> factors, List<BandRangeResponse> bands) {
    }

    @Schema(name = "JobEvaluationFactor")
    public record Factor(@Schema(example = "1") int factor,
            @Schema(example = "Communication and relationship skills") String name, List<Level> levels) {
    }

    @Schema(name = "JobEvaluationFactorLevel")
    public record Level(@Schema(example = "3") int level, @Schema(example = "21") int points,
            @Schema(description = "When lxp-admin corrected the shipped value; null if never", nullable = true)
            Instant correctedAt) {

        static Level of(JobEvaluationFactorLevel held) {
            return new Level(held.level().level(), held.level().points(), held.correctedAt());
        }
    }

    @Schema(name = "JobWeightBandRange")
    public record BandRangeResponse(@Schema(description = "Agenda for Change band code", example = "5") String band,
            @Schema(example = "326") int minScore, @Schema(example = "395") int maxScore,
            @Schema(description = "When lxp-admin corrected the shipped range; null if never", nullable = true)
            Instant correctedAt) {

        static BandRangeResponse of(JobWeightBandRange held) {
            return new BandRangeResponse(held.band(), held.range().minScore(), held.range().maxScore(), held.correctedAt());
        }
    }

    @Schema(name = "JobEvaluationPointsCorrection")
    public record PointsCorrection(@Schema(example = "21") @NotNull @Min(0) @Max(1000) Integer points) {
    }

    @Schema(name = "JobWeightBandRangeCorrection")
    public record BandCorrection(@Schema(example = "326") @NotNull @Min(0) @Max(1000) Integer minScore,
            @Schema(example = "395") @NotNull @Min(0) @Max(1000) Integer maxScore) {
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "The scheme as this deployment scores with it: each factor's levels and points, each band's range")
    @APIResponse(responseCode = "200", description = "The scheme")
    public SchemeResponse scheme() {
        Map<Integer, Factor> factors = new LinkedHashMap<>();
        for (JobEvaluationFactorLevel held : service.factorLevels()) {
            factors.computeIfAbsent(held.level().factor(), f -> new Factor(f, held.level().factorName(), new ArrayList<>()))
                    .levels().add(Level.of(held));
        }
        return new SchemeResponse(List.copyOf(factors.values()),
                service.bandRanges().stream().map(BandRangeResponse::of).toList());
    }

    @PUT
    @Path("/factors/{factor}/levels/{level}")
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Correct the points a factor level scores",
            description = "Evaluations already recorded keep their weight; a profile evaluated again is scored anew.")
    @APIResponse(responseCode = "200", description = "Corrected")
    @APIResponse(responseCode = "400", description = "Invalid points")
    @APIResponse(responseCode = "404", description = "No such factor level")
    public Level correctPoints(@PathParam("factor") int factor, @PathParam("level") int level,
            @NotNull @Valid PointsCorrection correction) {
        return Level.of(service.correctPoints(factor, level, correction.points()));
    }

    @PUT
    @Path("/bands/{band}")
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Correct a band's job-weight range")
    @APIResponse(responseCode = "200", description = "Corrected")
    @APIResponse(responseCode = "400", description = "Invalid range, e.g. a maximum below the minimum")
    @APIResponse(responseCode = "404", description = "No such band")
    @APIResponse(responseCode = "422", description = "The range would overlap another band's")
    public BandRangeResponse correctBand(
            @PathParam("band") @Pattern(regexp = "[1-9]|8[a-d]", message = "must be a band code 1 to 9 or 8a to 8d") String band,
            @NotNull @Valid BandCorrection correction) {
        return BandRangeResponse.of(service.correctBand(band, correction.minScore(), correction.maxScore()));
    }
}
