package uk.org.lxp.roles.rest;

import java.net.URI;
import java.util.Set;
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
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.roles.SteeringGroup;
import uk.org.lxp.roles.repository.SteeringGroupRepository;
import uk.org.lxp.roles.service.SteeringGroupService;

@Path("/api/v1/steering-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role development", description = "Co-produced role development: readiness questions, steering groups and"
        + " their decisions, regular role reviews")
@SecurityRequirement(name = "keycloak")
public class SteeringGroupResource {

    private final SteeringGroupService service;
    private final SteeringGroupRepository repository;
    private final CallerScope scope;

    SteeringGroupResource(SteeringGroupService service, SteeringGroupRepository repository, CallerScope scope) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Set up an organisation's (or an ICB's) co-produced steering group",
            description = "Members are opaque references with the perspective they bring, never names. The quorum must"
                    + " ask for at least one member who is not staff, so that staff alone can never decide.")
    @APIResponse(responseCode = "201", description = "Created; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SteeringGroupResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid group, e.g. a staff-only quorum or a member listed twice")
    @APIResponse(responseCode = "422", description = "The owner is not registered")
    public Response create(@NotNull @Valid SteeringGroupRequest request) {
        if (request.ownerOdsCode() == null) {
            throw InvalidRequest.inBody("ownerOdsCode", "must not be null");
        }
        scope.requireWrite(DataClass.CATALOGUE, request.ownerOdsCode());
        SteeringGroup group = service.create(request.ownerOdsCode(), terms(request));
        return ETags.created(URI.create("/api/v1/steering-groups/" + group.id()), SteeringGroupResponse.of(group),
                group.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Steering groups of the organisations the caller acts for, sorted by owner and name")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<SteeringGroupResponse> list(
            @Parameter(description = "Owner's ODS code") @QueryParam("owner") @OdsCode String owner,
            @Valid @BeanParam Paging paging) {
        Set<String> owners = owner != null ? Set.of(owner)
                : scope.readable(DataClass.CATALOGUE).organisations().orElse(null);
        if (owner != null) {
            scope.requireRead(DataClass.CATALOGUE, owner);
        }
        return Page.of(repository.list(owners, paging).stream().map(SteeringGroupResponse::of).toList(), paging,
                repository.count(owners));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Read a steering group")
    @APIResponse(responseCode = "200", description = "The group; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SteeringGroupResponse.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    public Response get(@PathParam("id") UUID id) {
        SteeringGroup group = service.load(id);
        scope.requireRead(DataClass.CATALOGUE, group.ownerOdsCode());
        return ETags.ok(SteeringGroupResponse.of(group), group.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Change a group's name, quorum or members; decisions already taken keep who was present")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = SteeringGroupResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid group")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "412", description = "The group changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SteeringGroupRequest request) {
        SteeringGroup group = service.change(id, ifMatch, terms(request),
                held -> scope.requireWrite(DataClass.CATALOGUE, held.ownerOdsCode()));
        return ETags.ok(SteeringGroupResponse.of(group), group.version());
    }

    private static SteeringGroup.Terms terms(SteeringGroupRequest request) {
        try {
            return request.terms();
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody("quorum", invalid.getMessage());
        }
    }
}
