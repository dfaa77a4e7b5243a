package uk.org.lxp.payequity.rest;

import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.Violation;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.service.PayScaleService;

@Path("/api/v1/pay-scales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pay scales", description = "Agenda for Change pay scales by pay year: the pay of each band and point")
@SecurityRequirement(name = "keycloak")
public class PayScaleResource {

    private final PayScaleService service;

    PayScaleResource(PayScaleService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "List the pay years that have an Agenda for Change pay scale")
    @APIResponse(responseCode = "200", description = "Pay years written like 2025-26, oldest first")
    public List<String> years() {
        return service.years();
    }

    @GET
    @Path("/{payYear}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "Read the pay scale of one pay year")
    @APIResponse(responseCode = "200", description = "Bands and pay points with hourly rates",
            content = @Content(schema = @Schema(implementation = PayScaleResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a pay year")
    @APIResponse(responseCode = "404", description = "No pay scale is held for that year")
    public PayScaleResponse scale(
            @Parameter(description = "Pay year with a dash, e.g. 2025-26") @PathParam("payYear") String payYear) {
        return PayScaleResponse.of(service.scale(parse(payYear, Violation::path, "payYear")));
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Add the pay scale of a new pay year")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = PayScaleResponse.class)))
    @APIResponse(responseCode = "400", description = "Incomplete or inconsistent pay scale")
    @APIResponse(responseCode = "409", description = "The year already has a pay scale")
    public Response addYear(@NotNull @Valid PayScaleRequest request) {
        PayYear year = parse(request.payYear(), Violation::body, "payYear");
        var points = request.points().stream()
                .map(p -> new PayScaleService.NewPayPoint(p.band(), p.point(), p.annualGbp(), p.yearsToNextPoint()))
                .toList();
        var created = service.addYear(year, request.effectiveFrom(), points);
        return Response.created(URI.create("/api/v1/pay-scales/" + year)).entity(PayScaleResponse.of(created)).build();
    }

    static PayYear parse(String text, BiFunction<String, String, Violation> where, String field) {
        try {
            return PayYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(where.apply(field, e.getMessage()));
        }
    }
}
