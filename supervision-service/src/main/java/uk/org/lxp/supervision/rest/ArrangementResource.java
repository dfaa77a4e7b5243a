package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.supervision.Arrangement;
import uk.org.lxp.supervision.repository.ArrangementRepository;
import uk.org.lxp.supervision.service.ArrangementService;

@Path("/api/v1/supervision-arrangements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision arrangements", description = "One organisation's supervisors supervising another's LXPs")
@SecurityRequirement(name = "keycloak")
public class ArrangementResource {

    private final ArrangementService service;
    private final ArrangementRepository repository;
    private final CallerScope scope;

    ArrangementResource(ArrangementService service, ArrangementRepository repository, CallerScope scope) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Record an arrangement between two organisations, as agreed between them")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "An unknown organisation, or the same organisation twice")
    public Response create(@NotNull @Valid ArrangementRequest request) {
        Arrangement arrangement = service.create(request.providerOrganisation(), request.receivingOrganisation(),
                request.validFrom(), request.validTo());
        return Response.created(URI.create("/api/v1/supervision-arrangements/" + arrangement.id()))
                .entity(ArrangementResponse.of(arrangement)).build();
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "List the arrangements an organisation is party to, either way")
    @APIResponse(responseCode = "200", description = "The arrangements",
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Missing organisation")
    public List<ArrangementResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation) {
        scope.requireRead(DataClass.AGGREGATE, organisation);
        return repository.of(organisation).stream().map(ArrangementResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Read one arrangement; a party to it reads it")
    @APIResponse(responseCode = "200", description = "The arrangement",
            content = @Content(schema = @Schema(implementation = ArrangementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such arrangement")
    public ArrangementResponse get(@PathParam("id") UUID id) {
        Arrangement arrangement = service.load(id);
        if (!scope.readable(DataClass.AGGREGATE).covers(arrangement.providerOrganisation())) {
            scope.requireRead(DataClass.AGGREGATE, arrangement.receivingOrganisation());
        }
        return ArrangementResponse.of(arrangement);
    }
}
