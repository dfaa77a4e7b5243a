package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.api.QueryParameters;
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
    @APIResponse(responseCode = "201", description = "Registered; the ETag header holds its version")
    @APIResponse(responseCode = "400", description = "Invalid request or a broken rule (e.g. overlapping ICB memberships)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only lxp-admin registers organisations")
    @APIResponse(responseCode = "409", description = "The ODS code is already registered")
    public Response register(@NotNull @Valid OrganisationRequest request) {
        if (request.odsCode() == null) {
            throw new BadRequestException("odsCode is required to register an organisation");
        }
        Organisation organisation = service.register(new NewOrganisation(request.odsCode(), request.details()));
        return Response.created(URI.create("/api/v1/organisations/" + organisation.odsCode()))
                .tag(Integer.toString(organisation.version()))
                .entity(OrganisationResponse.of(organisation))
                .build();
    }

    @PUT
    @Path("/{odsCode}")
    @RolesAllowed("lxp-admin")
    @Operation(summary = "Change an organisation (name, type, validity, successor, ICB memberships)")
    @APIResponse(responseCode = "200", description = "Changed; the ETag header holds the new version")
    @APIResponse(responseCode = "400", description = "Invalid request or a broken rule")
    @APIResponse(responseCode = "403", description = "Only lxp-admin changes organisations")
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    @APIResponse(responseCode = "412", description = "The organisation changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("odsCode") String odsCode,
            @Parameter(description = "The ETag of the version being changed") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OrganisationRequest request) {
        Organisation organisation = service.update(odsCode, ifMatch, request.details());
        return Response.ok(OrganisationResponse.of(organisation))
                .tag(Integer.toString(organisation.version()))
                .build();
    }

    @GET
    @Path("/{odsCode}")
    @Authenticated
    @Operation(summary = "Read one organisation by its ODS code")
    @APIResponse(responseCode = "200", description = "The organisation; the ETag header holds its version")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No organisation has that code")
    public Response get(@PathParam("odsCode") String odsCode) {
        Organisation organisation = service.find(odsCode)
                .orElseThrow(() -> new NotFoundException("No organisation with ODS code " + odsCode));
        return Response.ok(OrganisationResponse.of(organisation))
                .tag(Integer.toString(organisation.version()))
                .build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List organisations, sorted by ODS code")
    @APIResponse(responseCode = "200", description = "One page of organisations")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    public PageOf<OrganisationResponse> list(
            @Parameter(description = "Only this kind, e.g. NHS_TRUST") @QueryParam("type") String type,
            @Parameter(description = "Only members of this ICB (on the day given by 'on', else today)")
            @QueryParam("icb") @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String icb,
            @Parameter(description = "Only organisations that existed on this day, e.g. 2025-01-01") @QueryParam("on") LocalDate on,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var filter = new OrganisationRepository.Filter(
                QueryParameters.enumValue(OrganisationType.class, "type", type), icb, on);
        var items = repository.list(filter, page, size).stream().map(OrganisationResponse::of).toList();
        return new PageOf<>(items, page, size, repository.count(filter));
    }
}
