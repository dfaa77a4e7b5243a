package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.supervision.Supervisor;
import uk.org.lxp.supervision.repository.SupervisorRepository;
import uk.org.lxp.supervision.service.SupervisorService;

@Path("/api/v1/supervisors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervisors",
        description = "The people who supervise LXPs: whether they have lived experience, capacity and working hours")
@SecurityRequirement(name = "keycloak")
public class SupervisorResource {

    private final SupervisorService service;
    private final SupervisorRepository repository;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;
    private final SupervisionReach reach;

    SupervisorResource(SupervisorService service, SupervisorRepository repository, IdempotentRequests idempotency,
            CallerScope scope, SupervisionReach reach) {
        this.service = service;
        this.repository = repository;
        this.idempotency = idempotency;
        this.scope = scope;
        this.reach = reach;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Register a supervisor in an organisation the caller acts for")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SupervisorResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "That staff reference is already a supervisor there")
    @APIResponse(responseCode = "422", description = "The organisation is unknown or has closed")
    public Response register(@NotNull @Valid SupervisorRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        Supervisor supervisor = service.register(BulkItems.readOne(request, SupervisorRequest::toCommand));
        return ETags.created(URI.create("/api/v1/supervisors/" + supervisor.id()), SupervisorResponse.of(supervisor),
                supervisor.version());
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Register or update many supervisors by organisation and staff reference, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and"
                    + " changes nothing. A changed working pattern or leave re-plans the supervisor's future sessions.")
    @APIResponse(responseCode = "200", description = "How many were registered, changed and left unchanged, and each one's id",
            content = @Content(schema = @Schema(implementation = SupervisorService.BulkResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid supervisors (field paths name the item) or a missing Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "An unknown or closed organisation, a capacity below the people"
            + " supervised now, or the Idempotency-Key used before for a different request")
    public Response bulkUpsert(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid SupervisorBulkRequest request) {
        scope.requireWriteEach(DataClass.PERSON_LEVEL,
                request.supervisors().stream().map(SupervisorRequest::organisationCode).toList());
        var items = BulkItems.read(request.supervisors(), "supervisors", (index, item) -> item.toCommand());
        return idempotency.once(idempotencyKey, "/api/v1/supervisors/bulk", request, () -> service.upsert(items));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Change a supervisor: capacity, working hours, days away, email",
            description = "A changed working pattern or leave re-plans the supervisor's sessions still to come.")
    @APIResponse(responseCode = "200", description = "The supervisor; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SupervisorResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such supervisor")
    @APIResponse(responseCode = "412", description = "The supervisor changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A changed organisation or staff reference, or a capacity below"
            + " the people supervised now")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SupervisorRequest request) {
        Supervisor supervisor = service.change(id, ifMatch, BulkItems.readOne(request, SupervisorRequest::toCommand),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(SupervisorResponse.of(supervisor), supervisor.version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "Read one supervisor; a supervisor reads its own record")
    @APIResponse(responseCode = "200", description = "The supervisor; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SupervisorResponse.class)))
    @APIResponse(responseCode = "404", description = "No such supervisor")
    public Response get(@PathParam("id") UUID id) {
        Supervisor supervisor = service.load(id);
        reach.requireOwnRecord(supervisor.organisationCode(), supervisor.staffReference());
        return ETags.ok(SupervisorResponse.of(supervisor), supervisor.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "List the supervisors of one organisation, by staff reference; a supervisor sees itself")
    @APIResponse(responseCode = "200", description = "One page of supervisors")
    @APIResponse(responseCode = "400", description = "Missing organisation or invalid paging")
    @OneSnapshot
    public Page<SupervisorResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Parameter(description = "Only the supervisor with this staff reference")
            @QueryParam("staffReference") @StaffReference String staffReference,
            @Valid @BeanParam Paging paging) {
        String only = reach.listedPerson(organisation, staffReference);
        var items = repository.inOrganisation(organisation, only, paging).stream().map(SupervisorResponse::of).toList();
        return Page.of(items, paging, repository.countInOrganisation(organisation, only));
    }
}
