package uk.org.lxp.payequity.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.RoleFamily;
import uk.org.lxp.payequity.RoleLevel;
import uk.org.lxp.payequity.SystemPayStandard;
import uk.org.lxp.payequity.repository.SystemPayStandardRepository;
import uk.org.lxp.payequity.service.SystemPayStandardService;

@Path("/api/v1/system-pay-standards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "System pay standards", description = "The band an ICB has agreed across its trusts for each role family and"
        + " level, or for the roles evaluated at a band")
@SecurityRequirement(name = "keycloak")
public class SystemPayStandardResource {

    private final SystemPayStandardService service;
    private final SystemPayStandardRepository repository;
    private final CallerScope scope;

    SystemPayStandardResource(SystemPayStandardService service, SystemPayStandardRepository repository,
            CallerScope scope) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
    }

    @Schema(name = "SystemPayStandardRequest", description = "For a role family and level, or for the roles whose job"
            + " evaluation puts them at a band (evaluatedBand): one or the other")
    public record StandardRequest(
            @Schema(example = "QWO") @NotNull @OdsCode String icbOdsCode,
            @Schema(example = "PEER_SUPPORT", nullable = true) RoleFamily family,
            @Schema(example = "ENTRY", nullable = true) RoleLevel level,
            @Schema(description = "Instead of family and level: the roles whose lowest evaluated band is this",
                    example = "BAND_4", nullable = true) AfcBand evaluatedBand,
            @Schema(example = "BAND_4") @NotNull AfcBand band,
            @Schema(example = "2027-04-01") @NotNull LocalDate effectiveFrom) {

        SystemPayStandard.Subject subject() {
            if (evaluatedBand != null && (family != null || level != null)) {
                throw InvalidRequest.inBody("evaluatedBand", "give a family and level, or an evaluated band, not both");
            }
            if (evaluatedBand == null && family == null) {
                throw InvalidRequest.inBody("family", "give a family and level, or an evaluated band");
            }
            if (evaluatedBand == null && level == null) {
                throw InvalidRequest.inBody("level", "a standard for a family needs its level");
            }
            return evaluatedBand != null ? SystemPayStandard.Subject.evaluatedAt(evaluatedBand)
                    : SystemPayStandard.Subject.role(family.name(), level.name());
        }
    }

    @Schema(name = "SystemPayStandard")
    public record StandardResponse(UUID id, @Schema(example = "QWO") String icbOdsCode,
            @Schema(example = "PEER_SUPPORT", nullable = true) RoleFamily family,
            @Schema(example = "ENTRY", nullable = true) RoleLevel level,
            @Schema(description = "Set instead of family and level for a standard by evaluated band", nullable = true)
            AfcBand evaluatedBand,
            @Schema(example = "BAND_4") AfcBand band, @Schema(example = "2027-04-01") LocalDate effectiveFrom,
            @Schema(description = "The day before a later standard for the same subject begins; null while open-ended",
                    nullable = true) LocalDate effectiveTo) {

        static StandardResponse of(SystemPayStandard standard) {
            // A standard is only ever recorded for a family and level of these enumerations (see StandardRequest).
            return new StandardResponse(standard.id(), standard.icbOdsCode(),
                    standard.family() == null ? null : RoleFamily.valueOf(standard.family()),
                    standard.level() == null ? null : RoleLevel.valueOf(standard.level()),
                    standard.evaluatedBand(), standard.band(), standard.effectiveFrom(), standard.effectiveTo());
        }
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.ICS_ANALYST})
    @Operation(summary = "Record the band an ICB has agreed for a role family and level, or for roles evaluated at a band,"
            + " from a day",
            description = "It ends the standard for the same subject in force before it. Member trusts' profiles banded"
                    + " below the standard in force raise DEVIATES_FROM_SYSTEM_STANDARD findings; a profile's family and"
                    + " level standard comes before one for its evaluated band.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = StandardResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid standard, or not for exactly one of a family and level and an"
            + " evaluated band")
    @APIResponse(responseCode = "403", description = "Another ICB's standards")
    @APIResponse(responseCode = "409", description = "A standard for that subject already begins that day")
    @APIResponse(responseCode = "422", description = "An unknown ICB")
    public Response record(@NotNull @Valid StandardRequest request) {
        SystemPayStandard.Subject subject = request.subject();
        scope.requireKnownOrganisation(request.icbOdsCode(), "icbOdsCode");
        scope.requireWrite(DataClass.AGGREGATE, new Reach.Icb(request.icbOdsCode()));
        SystemPayStandard standard = service.record(request.icbOdsCode(), subject, request.band(), request.effectiveFrom());
        return Response.created(URI.create("/api/v1/system-pay-standards?icb=" + standard.icbOdsCode()))
                .entity(StandardResponse.of(standard)).build();
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.HR_INTEGRATION})
    @Operation(summary = "An ICB's pay standards, all or those in force on a day")
    @APIResponse(responseCode = "200", description = "The standards by family, level and start, then by evaluated band")
    @APIResponse(responseCode = "400", description = "A malformed ICB code or day")
    @APIResponse(responseCode = "403", description = "An ICB none of the caller's organisations belongs to")
    @APIResponse(responseCode = "422", description = "An unknown ICB")
    public List<StandardResponse> list(
            @Parameter(description = "ODS code of the ICB", required = true) @QueryParam("icb") @NotNull @OdsCode String icb,
            @Parameter(description = "Only those in force on this day", example = "2027-04-01") @QueryParam("on") LocalDate on) {
        scope.requireKnownOrganisation(icb, "icb");
        scope.requireRead(DataClass.AGGREGATE, new Reach.Icb(icb));
        return repository.ofIcb(icb, on).stream().map(StandardResponse::of).toList();
    }
}
