package uk.org.lxp.supervision.rest;

import java.net.URI;
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
import uk.org.lxp.supervision.Agreement;
import uk.org.lxp.supervision.repository.AgreementRepository;
import uk.org.lxp.supervision.service.AgreementService;

@Path("/api/v1/supervision-agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision agreements", description = "Who supervises whom, how and how often; sessions are planned from them")
@SecurityRequirement(name = "keycloak")
public class AgreementResource {

    private static final String PATH = "/api/v1/supervision-agreements";

    private final AgreementService service;
    private final AgreementRepository repository;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;
    private final SupervisionReach reach;

    AgreementResource(AgreementService service, AgreementRepository repository, IdempotentRequests idempotency,
            CallerScope scope, SupervisionReach reach) {
        this.service = service;
        this.repository = repository;
        this.idempotency = idempotency;
        this.scope = scope;
        this.reach = reach;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Make a supervision agreement; its sessions are planned at once",
            description = "Sessions are planned from the first day (past ones too, to record what became of them) up to"
                    + " the rolling horizon, around bank holidays, both people's working days and hours, the"
                    + " supervisor's leave and both people's other sessions.")
    @APIResponse(responseCode = "201", description = "Made; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = AgreementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a recurrence rule this service does not plan")
    @APIResponse(responseCode = "422", description = "An unknown supervisor or supervisee, a supervisor at capacity, of"
            + " another organisation without an arrangement, or supervising themselves")
    public Response create(@NotNull @Valid AgreementRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        Agreement agreement = service.create(request.toCommand(""));
        return ETags.created(URI.create(PATH + "/" + agreement.id()), AgreementResponse.of(agreement),
                agreement.version());
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Make many supervision agreements, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and"
                    + " makes nothing more.")
    @APIResponse(responseCode = "200", description = "How many agreements were made, and their ids in the request's order",
            content = @Content(schema = @Schema(implementation = AgreementService.BulkResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid agreements (field paths name the item) or a missing Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "An agreement refused as for a single one (the field path names"
            + " the item), or the Idempotency-Key used before for a different request")
    public Response bulkCreate(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid AgreementBulkRequest request) {
        scope.requireWriteEach(DataClass.PERSON_LEVEL,
                request.agreements().stream().map(AgreementRequest::organisationCode).toList());
        var items = BulkItems.read(request.agreements(), "agreements",
                (index, item) -> item.toCommand("agreements[" + index + "]."));
        return idempotency.once(idempotencyKey, PATH + "/bulk", request, () -> service.createAll(items));
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "List one organisation's supervision agreements",
            description = "A supervisor sees the agreements it supervises (and its own as supervisee); a practitioner"
                    + " its own.")
    @APIResponse(responseCode = "200", description = "One page of agreements, by supervisee")
    @APIResponse(responseCode = "400", description = "Missing organisation, invalid filter or paging")
    @OneSnapshot
    public Page<AgreementResponse> list(
            @Parameter(description = "ODS code of the supervisees' organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Parameter(description = "Only this supervisee's") @QueryParam("supervisee") @StaffReference String supervisee,
            @Parameter(description = "Only this supervisor's") @QueryParam("supervisorId") UUID supervisorId,
            @QueryParam("status") Agreement.Status status,
            @Valid @BeanParam Paging paging) {
        var filter = new AgreementRepository.Filter(organisation, supervisee, supervisorId, status,
                reach.readable(organisation));
        var items = repository.list(filter, paging).stream().map(AgreementResponse::of).toList();
        return Page.of(items, paging, repository.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Read one supervision agreement")
    @APIResponse(responseCode = "200", description = "The agreement; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = AgreementResponse.class)))
    @APIResponse(responseCode = "404", description = "No such agreement")
    public Response get(@PathParam("id") UUID id) {
        Agreement agreement = service.load(id);
        reach.requireRead(agreement.organisationCode(), agreement.superviseeStaffReference(), agreement.supervisorId());
        return ETags.ok(AgreementResponse.of(agreement), agreement.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Change an agreement's type, cadence or minimum standard",
            description = "Only sessions still to come are planned again; held, cancelled and missed ones stay as they were.")
    @APIResponse(responseCode = "200", description = "The agreement; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = AgreementResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "The agreement has ended")
    @APIResponse(responseCode = "412", description = "The agreement changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A changed organisation, supervisee or supervisor")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgreementRequest request) {
        Agreement agreement = service.change(id, ifMatch, request.toCommand(""),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(AgreementResponse.of(agreement), agreement.version());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "End an agreement after a day; sessions planned beyond it are withdrawn")
    @APIResponse(responseCode = "200", description = "The ended agreement; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = AgreementResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing last day")
    @APIResponse(responseCode = "404", description = "No such agreement")
    @APIResponse(responseCode = "409", description = "The agreement has ended already")
    @APIResponse(responseCode = "412", description = "The agreement changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A last day before the agreement's first")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response end(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgreementEnd request) {
        Agreement agreement = service.end(id, ifMatch, request.lastDay(),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(AgreementResponse.of(agreement), agreement.version());
    }
}
