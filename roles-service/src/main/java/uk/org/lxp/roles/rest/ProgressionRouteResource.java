package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.CallerScope;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.ProgressionGraph;
import uk.org.lxp.roles.ProgressionRoute;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.repository.ProgressionRouteRepository;
import uk.org.lxp.roles.service.ProgressionRouteService;
import uk.org.lxp.roles.service.UnknownRoleProfileException;

@Path("/api/v1/progression-routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Progression routes", description = "Where each LXP role leads, and which entry roles lead nowhere senior")
@SecurityRequirement(name = "keycloak")
public class ProgressionRouteResource {

    static final int MAX_PAGE_SIZE = 200;

    private final ProgressionRouteService service;
    private final ProgressionRouteRepository routes;
    private final CallerScope caller;

    ProgressionRouteResource(ProgressionRouteService service, ProgressionRouteRepository routes, CallerScope caller) {
        this.service = service;
        this.routes = routes;
        this.caller = caller;
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
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Add a route from one role profile to another")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid route, e.g. to itself or to a retired role")
    @APIResponse(responseCode = "403", description = "A lead may link only its own organisation's and national roles")
    @APIResponse(responseCode = "404", description = "A profile does not exist")
    @APIResponse(responseCode = "409", description = "The same route exists")
    public Response create(@NotNull @Valid RouteRequest request) {
        ProgressionRoute route = service.create(new ProgressionRouteService.NewRoute(request.fromProfileId(),
                request.toProfileId(), request.kind(), request.requirements() == null ? List.of() : request.requirements()),
                this::requireEditRights);
        return Response.created(URI.create("/api/v1/progression-routes/" + route.id()))
                .tag(Integer.toString(route.version())).entity(RouteResponse.of(route)).build();
    }

    @GET
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "List routes, optionally from or to one profile")
    @APIResponse(responseCode = "200", description = "One page of routes")
    public PageOf<RouteResponse> list(@QueryParam("from") UUID from, @QueryParam("to") UUID to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return new PageOf<>(routes.list(from, to, page, size).stream().map(RouteResponse::of).toList(), page, size,
                routes.count(from, to));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Read one route")
    @APIResponse(responseCode = "200", description = "The route; the ETag header holds its version")
    @APIResponse(responseCode = "404", description = "No such route")
    public Response get(@PathParam("id") UUID id) {
        ProgressionRoute route = service.load(id);
        return Response.ok(RouteResponse.of(route)).tag(Integer.toString(route.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"lxp-admin", "lxp-lead"})
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
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Every role reachable from a profile by a chain of routes, and the highest band reachable")
    @APIResponse(responseCode = "200", description = "Destinations by shortest path")
    @APIResponse(responseCode = "400", description = "No profile given")
    @APIResponse(responseCode = "404", description = "No such profile")
    public Onward onward(@Parameter(description = "The starting role profile") @QueryParam("from") UUID from) {
        if (from == null) {
            throw new BadRequestException("Give the starting profile as ?from=");
        }
        ProgressionGraph graph = routes.graph();
        if (routes.getEntityManager().find(RoleProfile.class, from) == null) {
            throw new UnknownRoleProfileException(from);
        }
        ProgressionGraph.Onward onward = graph.onwardFrom(from);
        return new Onward(from, onward.highestBand().orElse(null), onward.destinations().stream()
                .map(d -> new Destination(d.role().id(), d.role().title(), d.role().band(), d.role().level(),
                        d.role().owner(), d.path()))
                .toList());
    }

    @GET
    @Path("/dead-ends")
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Entry-level roles of an organisation or ICB from which no route reaches Band 7 or above")
    @APIResponse(responseCode = "200", description = "The dead ends")
    @APIResponse(responseCode = "400", description = "Neither or both of organisation and icb given")
    public List<DeadEnd> deadEnds(
            @QueryParam("organisation") @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String organisation,
            @QueryParam("icb") @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String icb) {
        if ((organisation == null) == (icb == null)) {
            throw new BadRequestException("Give either ?organisation= or ?icb=");
        }
        ProgressionGraph graph = routes.graph();
        return graph.deadEnds(routes.rolesOwnedBy(organisation, icb, LocalDate.now())).stream()
                .map(role -> new DeadEnd(role.id(), role.title(), role.band(), role.owner(),
                        graph.onwardFrom(role.id()).highestBand().orElse(null)))
                .toList();
    }

    /** lxp-admin links any roles; an lxp-lead links its own organisation's roles and national templates. */
    private void requireEditRights(List<RoleProfile> profiles) {
        if (caller.isAdmin()) {
            return;
        }
        boolean ownsOne = false;
        for (RoleProfile profile : profiles) {
            if (profile.isTemplate()) {
                continue;
            }
            if (!caller.mayActFor(profile.ownerOdsCode())) {
                throw new ForbiddenException("This token may not link roles of " + profile.ownerOdsCode());
            }
            ownsOne = true;
        }
        if (!ownsOne) {
            throw new ForbiddenException("Only lxp-admin links national templates to each other");
        }
    }
}
