package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.LocalDate;

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
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.service.NewOrganisation;
import uk.org.lxp.roles.service.OrganisationService;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "NHS trusts, ICBs and other employers, effective-dated")
@SecurityRequirement(name = "keycloak")
public class OrganisationResource {

    private final OrganisationService service;
    private final OrganisationRepository repository;
    private final CallerScope scope;

    OrganisationResource(OrganisationService service, OrganisationRepository repository, CallerScope scope) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Register an organisation")
    @APIResponse(responseCode = "201", description = "Registered; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. overlapping ICB memberships")
    @APIResponse(responseCode = "409", description = "The ODS code is already registered")
    public Response register(@NotNull @Valid OrganisationRequest request) {
        if (request.odsCode() == null) {
            throw InvalidRequest.inBody("odsCode", "is required to register an organisation");
        }
        Organisation organisation = service.register(new NewOrganisation(request.odsCode(), request.details()));
        return ETags.created(URI.create("/api/v1/organisations/" + organisation.odsCode()),
                OrganisationResponse.of(organisation), organisation.version());
    }

    @PUT
    @Path("/{odsCode}")
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Change an organisation (name, type, validity, successor, ICB memberships)",
            description = "A request that changes nothing keeps the version and publishes no event.")
    @APIResponse(responseCode = "200", description = "Changed; the ETag header holds the new version",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    @APIResponse(responseCode = "412", description = "The organisation changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("odsCode") String odsCode,
            @Parameter(description = "The ETag of the version being changed") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrganisationRequest request) {
        Organisation organisation = service.update(odsCode, ifMatch, request.details());
        return ETags.ok(OrganisationResponse.of(organisation), organisation.version());
    }

    @GET
    @Path("/{odsCode}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "Read one organisation by its ODS code")
    @APIResponse(responseCode = "200", description = "The organisation; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    public Response get(@PathParam("odsCode") String odsCode) {
        Organisation organisation = service.load(odsCode);
        return ETags.ok(OrganisationResponse.of(organisation), organisation.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "List organisations, sorted by ODS code")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    @OneSnapshot
    public Page<OrganisationResponse> list(
            @Parameter(description = "Only this kind") @QueryParam("type") OrganisationType type,
            @Parameter(description = "Only members of this ICB (on the day given by 'on', else today)")
            @QueryParam("icb") @OdsCode String icb,
            @Parameter(description = "Only organisations that existed on this day, e.g. 2025-01-01") @QueryParam("on") LocalDate on,
            @Valid @BeanParam Paging paging) {
        var filter = new OrganisationRepository.Filter(type, icb, on, scope.today());
        var items = repository.list(filter, paging).stream().map(OrganisationResponse::of).toList();
        return Page.of(items, paging, repository.count(filter));
    }
}
