package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.CallerScope;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.api.QueryParameters;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleProfileRevision;
import uk.org.lxp.roles.events.RoleProfileEvents.RoleProfileState;
import uk.org.lxp.roles.repository.RoleProfileRepository;
import uk.org.lxp.roles.service.RoleProfileService;

@Path("/api/v1/role-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role profiles", description = "The LXP role catalogue: national templates and organisations' own profiles")
@SecurityRequirement(name = "keycloak")
public class RoleProfileResource {

    static final int MAX_PAGE_SIZE = 200;

    private final RoleProfileService service;
    private final RoleProfileRepository repository;
    private final CallerScope caller;

    RoleProfileResource(RoleProfileService service, RoleProfileRepository repository, CallerScope caller) {
        this.service = service;
        this.repository = repository;
        this.caller = caller;
    }

    public record Adoption(@Schema(example = "RGD") @NotNull @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code")
            String organisationCode) {
    }

    public record Revision(int revision, Instant recordedAt, RoleProfile.Status status, Map<String, Object> profile) {

        static Revision of(RoleProfileRevision revision) {
            return new Revision(revision.revision(), revision.recordedAt(), revision.status(), revision.snapshot());
        }
    }

    @POST
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Create a draft role profile (a national template needs lxp-admin)")
    @APIResponse(responseCode = "201", description = "Created as a draft; the ETag header holds its version")
    @APIResponse(responseCode = "400", description = "Invalid profile, e.g. a missing lived experience criterion")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller may not create profiles for that owner")
    public Response create(@NotNull @Valid RoleProfileRequest request) {
        requireEditRights(request.ownerOdsCode());
        return created(service.create(request.ownerOdsCode(), request.content()));
    }

    @POST
    @Path("/{id}/adoptions")
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Adopt a published national template as an organisation's own draft")
    @APIResponse(responseCode = "201", description = "The organisation's draft copy")
    @APIResponse(responseCode = "400", description = "Not a national template")
    @APIResponse(responseCode = "403", description = "The caller may not act for that organisation")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The template is not published")
    public Response adopt(@PathParam("id") UUID id, @NotNull @Valid Adoption adoption) {
        requireEditRights(adoption.organisationCode());
        return created(service.adopt(id, adoption.organisationCode()));
    }

    @GET
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Search the catalogue, sorted by title; drafts only show to their owners")
    @APIResponse(responseCode = "200", description = "One page of profiles")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageOf<RoleProfileState> list(
            @Parameter(description = "Owning organisation's ODS code, or 'national' for templates") @QueryParam("owner") String owner,
            @Parameter(description = "Profiles of organisations in this ICB today") @QueryParam("icb")
            @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String icb,
            @Parameter(description = "A RoleFamily, e.g. PEER_SUPPORT") @QueryParam("family") String family,
            @Parameter(description = "A RoleLevel, e.g. ENTRY") @QueryParam("level") String level,
            @Parameter(description = "A PayBand, e.g. BAND_3 or NON_AFC") @QueryParam("band") String band,
            @Parameter(description = "A ContractBasis, e.g. SESSIONAL") @QueryParam("basis") String basis,
            @Parameter(description = "DRAFT, PUBLISHED or RETIRED") @QueryParam("status") String status,
            @Parameter(description = "Only patient-facing profiles filed under 08 Administrative and Clerical")
            @QueryParam("misfiled") Boolean misfiled,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        var filter = new RoleProfileRepository.Filter(owner, icb,
                QueryParameters.enumValue(RoleFamily.class, "family", family),
                QueryParameters.enumValue(RoleLevel.class, "level", level),
                QueryParameters.enumValue(PayBand.class, "band", band),
                QueryParameters.enumValue(ContractBasis.class, "basis", basis),
                QueryParameters.enumValue(RoleProfile.Status.class, "status", status),
                misfiled, caller.isAdmin() ? null : draftReaders());
        List<RoleProfileState> items = repository.list(filter, page, size).stream().map(RoleProfileState::of).toList();
        return new PageOf<>(items, page, size, repository.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Read a profile as it is, or as it stood at an instant (asOf)")
    @APIResponse(responseCode = "200", description = "The profile; the ETag header holds its current version")
    @APIResponse(responseCode = "403", description = "A draft of an organisation the caller does not act for")
    @APIResponse(responseCode = "404", description = "No such profile, or it did not exist at that instant")
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "e.g. 2026-01-01T00:00:00Z") @QueryParam("asOf") Instant asOf) {
        RoleProfile profile = service.load(id);
        requireReadRights(profile);
        if (asOf != null) {
            RoleProfileRevision revision = service.asOf(id, asOf)
                    .orElseThrow(() -> new NotFoundException("Role profile " + id + " did not exist at " + asOf));
            return Response.ok(revision.snapshot()).build();
        }
        return Response.ok(RoleProfileState.of(profile)).tag(Integer.toString(profile.version())).build();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({"lxp-admin", "hr-integration", "ics-analyst", "lxp-lead", "supervisor", "practitioner"})
    @Operation(summary = "Every revision of a profile, oldest first")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such profile")
    public List<Revision> revisions(@PathParam("id") UUID id) {
        requireReadRights(service.load(id));
        return service.revisions(id).stream().map(Revision::of).toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Revise a draft or published profile")
    @APIResponse(responseCode = "200", description = "Revised; a new revision is kept")
    @APIResponse(responseCode = "400", description = "Invalid profile")
    @APIResponse(responseCode = "403", description = "The caller may not edit this owner's profiles")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The profile is retired")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RoleProfileRequest request) {
        return current(service.revise(id, ifMatch, request.content(), this::requireEditRights));
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Publish a draft")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "403", description = "The caller may not edit this owner's profiles")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(service.publish(id, ifMatch, this::requireEditRights));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Retire a profile; it stays readable with all its revisions")
    @APIResponse(responseCode = "200", description = "Retired")
    @APIResponse(responseCode = "403", description = "The caller may not edit this owner's profiles")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "Already retired")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(service.retire(id, ifMatch, this::requireEditRights));
    }

    private void requireEditRights(RoleProfile profile) {
        requireEditRights(profile.ownerOdsCode());
    }

    /** lxp-admin edits everything; an lxp-lead edits its own organisation's profiles, never national templates. */
    private void requireEditRights(String owner) {
        if (caller.isAdmin()) {
            return;
        }
        if (owner == null) {
            throw new ForbiddenException("Only lxp-admin maintains national templates");
        }
        caller.requireOrganisation(owner);
    }

    private void requireReadRights(RoleProfile profile) {
        if (profile.status() == RoleProfile.Status.DRAFT && !caller.isAdmin()
                && (profile.ownerOdsCode() == null || !draftReaders().contains(profile.ownerOdsCode()))) {
            throw new ForbiddenException("Drafts are visible to their own organisation only");
        }
    }

    /** Organisations whose drafts the caller may see: its own, if it maintains or integrates them. */
    private java.util.Set<String> draftReaders() {
        return caller.hasRole(CallerScope.LXP_LEAD) || caller.hasRole(CallerScope.HR_INTEGRATION)
                ? caller.organisations()
                : java.util.Set.of();
    }

    private static Response created(RoleProfile profile) {
        return Response.created(URI.create("/api/v1/role-profiles/" + profile.id()))
                .tag(Integer.toString(profile.version()))
                .entity(RoleProfileState.of(profile))
                .build();
    }

    private static Response current(RoleProfile profile) {
        return Response.ok(RoleProfileState.of(profile)).tag(Integer.toString(profile.version())).build();
    }
}
