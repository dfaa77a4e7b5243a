package uk.org.lxp.roles.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.service.OrganisationService;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@SecurityRequirement(name = "keycloak")
public class OrganisationResource {

    static final int MAX_PAGE_SIZE = 200;

    private final OrganisationService service;
    private final OrganisationRepository repository;

    OrganisationResource(OrganisationService service, OrganisationRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @POST
    @RolesAllowed("lxp-admin")
    @Operation(summary = "Register an organisation")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The ODS code is already registered")
    public Response register(@NotNull @Valid OrganisationRequest request) {
        Organisation organisation = service.register(request.toCommand());
        return Response.created(URI.create("/api/v1/organisations/" + organisation.odsCode()))
                .entity(OrganisationResponse.of(organisation))
                .build();
    }

    @GET
    @Path("/{odsCode}")
    @Authenticated
    @Operation(summary = "Read one organisation by its ODS code")
    @APIResponse(responseCode = "200", description = "The organisation")
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    public OrganisationResponse get(@PathParam("odsCode") String odsCode) {
        return service.find(odsCode)
                .map(OrganisationResponse::of)
                .orElseThrow(() -> new NotFoundException("No organisation with ODS code " + odsCode));
    }

    @GET
    @Authenticated
    @Operation(summary = "List organisations, sorted by ODS code")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    public PageOf<OrganisationResponse> list(
            @QueryParam("type") OrganisationType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var items = repository.list(type, page, size).stream().map(OrganisationResponse::of).toList();
        return new PageOf<>(items, page, size, repository.count(type));
    }
}
