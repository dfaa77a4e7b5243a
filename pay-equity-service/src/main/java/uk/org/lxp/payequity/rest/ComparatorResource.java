package uk.org.lxp.payequity.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.payequity.AfcBand;
import uk.org.lxp.payequity.service.ComparatorService;

@Path("/api/v1/comparators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Comparators", description = "Anonymised comparator workforce of each organisation, for pay gaps")
@SecurityRequirement(name = "keycloak")
public class ComparatorResource {

    private final ComparatorService service;
    private final CallerScope scope;

    ComparatorResource(ComparatorService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @Schema(name = "ComparatorSnapshotRequest", description = "The organisation's whole comparator workforce on a day; no identifiers")
    public record SnapshotRequest(
            @Schema(example = "2025-10-01") @NotNull LocalDate asOf,
            @NotNull @Size(max = 100_000) @Valid List<@NotNull Record> records) {
    }

    @Schema(name = "ComparatorRecord")
    public record Record(
            @Schema(example = "07") @NotNull @Pattern(regexp = "0[1-9]|10", message = "must be a staff group code 01 to 10") String staffGroupCode,
            @Schema(example = "BAND_3") @NotNull AfcBand band,
            @Schema(example = "1") @NotNull @Min(1) @Max(20) Integer point,
            @Schema(example = "1.0") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal fte,
            @Schema(example = "false") @NotNull Boolean fixedTerm) {
    }

    @PUT
    @Path("/{organisationCode}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Replace an organisation's comparator workforce snapshot")
    @APIResponse(responseCode = "200", description = "The stored snapshot: counts by staff group")
    @APIResponse(responseCode = "400", description = "Invalid records")
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    @APIResponse(responseCode = "422", description = "A point the band does not have, or no pay scale for the day")
    public ComparatorService.Snapshot replace(@PathParam("organisationCode") String organisation,
            @NotNull @Valid SnapshotRequest request) {
        scope.requireWrite(DataClass.AGGREGATE, organisation);
        return service.replace(organisation, request.asOf(), request.records().stream()
                .map(r -> new ComparatorService.Comparator(r.staffGroupCode(), r.band(), r.point(), r.fte(), r.fixedTerm()))
                .toList());
    }

    @GET
    @Path("/{organisationCode}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.ICS_ANALYST})
    @Operation(summary = "The organisation's comparator snapshot: day and counts by staff group")
    @APIResponse(responseCode = "200", description = "The snapshot summary")
    @APIResponse(responseCode = "404", description = "No snapshot loaded")
    public ComparatorService.Snapshot get(@PathParam("organisationCode") String organisation) {
        scope.requireRead(DataClass.AGGREGATE, organisation);
        return service.find(organisation).orElseThrow(() -> new NotFound("No comparator snapshot for " + organisation));
    }
}
