package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.api.CallerScope;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.supervision.repository.SupervisorRepository;
import uk.org.lxp.supervision.service.SupervisorService;

@Path("/api/v1/supervisors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervisors")
@SecurityRequirement(name = "keycloak")
public class SupervisorResource {

    static final int MAX_PAGE_SIZE = 200;

    private final SupervisorService service;
    private final SupervisorRepository repository;
    private final CallerScope scope;

    SupervisorResource(SupervisorService service, SupervisorRepository repository, CallerScope scope) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({"lxp-admin", "hr-integration", "lxp-lead"})
    @Operation(summary = "Register a supervisor in an organisation the caller acts for")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "The token may not act for that organisation")
    @APIResponse(responseCode = "409", description = "That staff reference is already a supervisor there")
    @APIResponse(responseCode = "422", description = "The organisation is unknown or has closed")
    public Response register(@NotNull @Valid SupervisorRequest request) {
        scope.requireOrganisation(request.organisationCode());
        Supervisor supervisor = service.register(request.toCommand());
        return Response.created(URI.create("/api/v1/supervisors/" + supervisor.id()))
                .entity(SupervisorResponse.of(supervisor))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "hr-integration", "lxp-lead", "supervisor"})
    @Operation(summary = "Read one supervisor")
    @APIResponse(responseCode = "200", description = "The supervisor")
    @APIResponse(responseCode = "403", description = "The supervisor belongs to an organisation the token may not act for")
    @APIResponse(responseCode = "404", description = "No such supervisor")
    public SupervisorResponse get(@PathParam("id") UUID id) {
        Supervisor supervisor = service.find(id)
                .orElseThrow(() -> new NotFoundException("No supervisor with id " + id));
        scope.requireOrganisation(supervisor.organisationCode());
        return SupervisorResponse.of(supervisor);
    }

    @GET
    @RolesAllowed({"lxp-admin", "hr-integration", "lxp-lead", "supervisor"})
    @Operation(summary = "List the supervisors of one organisation, by staff reference")
    @APIResponse(responseCode = "200", description = "One page of supervisors")
    @APIResponse(responseCode = "400", description = "Missing organisation or invalid paging")
    @APIResponse(responseCode = "403", description = "The token may not act for that organisation")
    public PageOf<SupervisorResponse> list(
            @QueryParam("organisation") @NotBlank String organisation,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        scope.requireOrganisation(organisation);
        var items = repository.inOrganisation(organisation, page, size).stream().map(SupervisorResponse::of).toList();
        return new PageOf<>(items, page, size, repository.countInOrganisation(organisation));
    }
}
