package uk.org.lxp.supervision.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.repository.SuperviseeRepository;
import uk.org.lxp.supervision.service.SuperviseeService;

@Path("/api/v1/supervisees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervisees", description = "Holders of LXP posts, learnt from roles-service, and when they work")
@SecurityRequirement(name = "keycloak")
public class SuperviseeResource {

    private final SuperviseeService service;
    private final SuperviseeRepository repository;
    private final CallerScope scope;
    private final SupervisionReach reach;

    SuperviseeResource(SuperviseeService service, SuperviseeRepository repository, CallerScope scope,
            SupervisionReach reach) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
        this.reach = reach;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.PRACTITIONER})
    @Operation(summary = "List the supervisees of one organisation, by staff reference; a practitioner sees itself")
    @APIResponse(responseCode = "200", description = "One page of supervisees")
    @APIResponse(responseCode = "400", description = "Missing organisation or invalid paging")
    @OneSnapshot
    public Page<SuperviseeResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Parameter(description = "Only the supervisee with this staff reference")
            @QueryParam("staffReference") @StaffReference String staffReference,
            @Valid @BeanParam Paging paging) {
        String only = reach.listedPerson(organisation, staffReference);
        var items = repository.list(organisation, only, paging).stream().map(SuperviseeResponse::of).toList();
        return Page.of(items, paging, repository.count(organisation, only));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.PRACTITIONER})
    @Operation(summary = "Read one supervisee; a practitioner reads itself")
    @APIResponse(responseCode = "200", description = "The supervisee; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SuperviseeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such supervisee")
    public Response get(@PathParam("id") UUID id) {
        Supervisee supervisee = service.load(id);
        reach.requireOwnRecord(supervisee.organisationCode(), supervisee.staffReference());
        return ETags.ok(SuperviseeResponse.of(supervisee), supervisee.version());
    }

    @PUT
    @Path("/{id}/working-hours")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Set the days and hours a supervisee works (a part-time LXP may work two days a week)",
            description = "Their sessions still to come are planned again around the new pattern.")
    @APIResponse(responseCode = "200", description = "The supervisee; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SuperviseeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid working hours")
    @APIResponse(responseCode = "404", description = "No such supervisee")
    @APIResponse(responseCode = "412", description = "The supervisee changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response changeWorkingHours(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid WorkingHours hours) {
        Supervisee supervisee = service.changeWorkingPattern(id, ifMatch, BulkItems.readOne(hours, WorkingHours::toPattern),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(SuperviseeResponse.of(supervisee), supervisee.version());
    }
}
