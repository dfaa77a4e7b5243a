package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.UnknownReference;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.ProgressionGraph;
import uk.org.lxp.roles.ProgressionRoute;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.repository.ProgressionRouteRepository;
import uk.org.lxp.roles.service.ProgressionRouteService;

@Path("/api/v1/progression-routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Progression routes", description = "Where each LXP role leads, and which entry roles lead nowhere senior")
@SecurityRequirement(name = "keycloak")
public class ProgressionRouteResource {

    private final ProgressionRouteService service;
    private final ProgressionRouteRepository routes;
    private final CallerScope scope;

    ProgressionRouteResource(ProgressionRouteService service, ProgressionRouteRepository routes, CallerScope scope) {
        this.service = service;
        this.routes = routes;
        this.scope = scope;
    }

    @Schema(name = "ProgressionRouteRequest")
    public record RouteRequest(@NotNull UUID fromProfileId, @NotNull UUID toProfileId,
            @Schema(example = "PRACTICE") @NotNull ProgressionRoute.Kind kind,
            @Schema(example = "[\"12 months in role\", \"Level 3 peer support qualification\"]")
            @Size(max = 20) List<@NotBlank @Size(max = 300) String> requirements) {
    }

    @Schema(name = "ProgressionRoute")
    public record RouteResponse(UUID id, UUID fromProfileId, UUID toProfileId, ProgressionRoute.Kind kind,
            List<String> requirements, int version, Instant createdAt) {

        static RouteResponse of(ProgressionRoute route) {
            return new RouteResponse(route.id(), route.fromProfileId(), route.toProfileId(), route.kind(),
                    route.requirements(), route.version(), route.createdAt());
        }
    }

    @Schema(name = "OnwardDestination")
    public record Destination(UUID profileId, String title, PayBand band, RoleLevel level, String ownerOdsCode,
            List<ProgressionGraph.Step> path) {
    }

    @Schema(name = "OnwardRoutes")
    public record Onward(UUID fromProfileId, PayBand highestBandReachable, List<Destination> destinations) {
    }

    @Schema(name = "DeadEnd")
    public record DeadEnd(UUID profileId, String title, PayBand band, String ownerOdsCode, PayBand highestBandReachable) {
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Add a route from one role profile to another")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = RouteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid route, e.g. to itself")
    @APIResponse(responseCode = "403", description = "A lead may link only its own organisation's and national roles")
    @APIResponse(responseCode = "409", description = "The same route exists")
    @APIResponse(responseCode = "422", description = "A profile does not exist, or the route leads to a retired role")
    public Response create(@NotNull @Valid RouteRequest request) {
        ProgressionRoute route = service.create(new ProgressionRouteService.NewRoute(request.fromProfileId(),
                request.toProfileId(), request.kind(), request.requirements() == null ? List.of() : request.requirements()),
                this::requireEditRights);
        return ETags.created(URI.create("/api/v1/progression-routes/" + route.id()), RouteResponse.of(route),
                route.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "List routes, optionally from or to one profile")
    @APIResponse(responseCode = "200", description = "One page of routes")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<RouteResponse> list(@QueryParam("from") UUID from, @QueryParam("to") UUID to,
            @Valid @BeanParam Paging paging) {
        return Page.of(routes.list(from, to, paging).stream().map(RouteResponse::of).toList(), paging,
                routes.count(from, to));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Read one route")
    @APIResponse(responseCode = "200", description = "The route; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = RouteResponse.class)))
    @APIResponse(responseCode = "404", description = "No such route")
    public Response get(@PathParam("id") UUID id) {
        ProgressionRoute route = service.load(id);
        return ETags.ok(RouteResponse.of(route), route.version());
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Remove a route")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not the caller's route to remove")
    @APIResponse(responseCode = "404", description = "No such route")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch, this::requireEditRights);
        return Response.noContent().build();
    }

    @GET
    @Path("/onward")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Every role reachable from a profile by a chain of routes, and the highest band reachable")
    @APIResponse(responseCode = "200", description = "Destinations by shortest path")
    @APIResponse(responseCode = "400", description = "No profile given")
    @APIResponse(responseCode = "422", description = "No such profile")
    public Onward onward(@Parameter(description = "The starting role profile", required = true) @QueryParam("from")
            @NotNull(message = "is required: the starting profile") UUID from) {
        ProgressionGraph graph = routes.graph();
        if (routes.getEntityManager().find(RoleProfile.class, from) == null) {
            throw UnknownReference.inQuery("from", "Role profile " + from + " does not exist");
        }
        ProgressionGraph.Onward onward = graph.onwardFrom(from);
        return new Onward(from, onward.highestBand().orElse(null), onward.destinations().stream()
                .map(d -> new Destination(d.role().id(), d.role().title(), d.role().band(), d.role().level(),
                        d.role().owner(), d.path()))
                .toList());
    }

    @GET
    @Path("/dead-ends")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Entry-level roles of an organisation or ICB from which no route reaches Band 7 or above")
    @APIResponse(responseCode = "200", description = "The dead ends")
    @APIResponse(responseCode = "400", description = "Neither or both of organisation and icb given")
    @APIResponse(responseCode = "422", description = "No organisation or ICB has that code")
    public List<DeadEnd> deadEnds(@QueryParam("organisation") @OdsCode String organisation,
            @QueryParam("icb") @OdsCode String icb) {
        if ((organisation == null) == (icb == null)) {
            throw InvalidRequest.inQuery(organisation == null ? "organisation" : "icb",
                    "give either organisation or icb, not both or neither");
        }
        scope.requireKnownOrganisation(organisation, "organisation");
        scope.requireKnownOrganisation(icb, "icb");
        ProgressionGraph graph = routes.graph();
        return graph.deadEnds(routes.rolesOwnedBy(organisation, icb, scope.today())).stream()
                .map(role -> new DeadEnd(role.id(), role.title(), role.band(), role.owner(),
                        graph.onwardFrom(role.id()).highestBand().orElse(null)))
                .toList();
    }

    /**
     * A route belongs to the organisations whose roles it links: the caller must maintain each of them. A route
     * between two national templates belongs to no organisation, so only lxp-admin may draw it.
     */
    private void requireEditRights(List<RoleProfile> profiles) {
        List<String> owners = profiles.stream().filter(profile -> !profile.isTemplate())
                .map(RoleProfile::ownerOdsCode).distinct().toList();
        if (owners.isEmpty()) {
            scope.requireWrite(DataClass.CATALOGUE, (String) null);
        }
        owners.forEach(owner -> scope.requireWrite(DataClass.CATALOGUE, owner));
    }
}
