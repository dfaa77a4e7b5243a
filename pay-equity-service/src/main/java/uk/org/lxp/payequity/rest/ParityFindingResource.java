package uk.org.lxp.payequity.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.service.ParityFindingService;

@Path("/api/v1/parity-findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parity findings", description = "Where LXP pay and posts fall short, with the evidence")
@SecurityRequirement(name = "keycloak")
public class ParityFindingResource {

    private final ParityFindingService service;
    private final EntityManager entities;
    private final CallerScope scope;

    ParityFindingResource(ParityFindingService service, EntityManager entities, CallerScope scope) {
        this.service = service;
        this.entities = entities;
        this.scope = scope;
    }

    @Schema(name = "FindingComment")
    public record Comment(@Schema(example = "Band 7 post approved for next financial year") @NotBlank @Size(max = 2000) String comment) {
    }

    @POST
    @Path("/evaluations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Evaluate every parity rule now (they also run soon after relevant changes)")
    @APIResponse(responseCode = "200", description = "How many findings were raised, updated, reopened and resolved")
    public ParityFindingService.Evaluation evaluate() {
        return service.evaluate();
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "List the findings the caller reaches, most recently changed first",
            description = "An organisation's findings for those who act for it and its ICB's analysts; an ICB's for its"
                    + " analysts and members; national findings for everyone.")
    @APIResponse(responseCode = "200", description = "One page of findings")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<FindingResponse> list(
            @QueryParam("rule") ParityRules.Rule rule,
            @QueryParam("status") ParityFinding.Status status,
            @QueryParam("organisation") @OdsCode String organisation,
            @QueryParam("icb") @OdsCode String icb,
            @Valid @BeanParam Paging paging) {
        // Admin reaches every organisation and ICB; anyone else its own, its ICB's and national findings.
        Set<String> organisations = scope.readable(DataClass.AGGREGATE).organisations().orElse(null);
        Set<String> icbs = scope.readableIcbAggregates().orElse(null);
        boolean limited = organisations != null;
        Where where = new Where()
                .equal("f.rule", "rule", rule)
                .equal("f.status", "status", status)
                .equal("f.organisation", "organisation", organisation)
                .equal("f.icb", "icb", icb)
                .and(limited, "((f.organisation is null and f.icb is null) or f.organisation in :ownOrganisations"
                        + " or (f.organisation is null and f.icb in :ownIcbs))", limited ? Map.of(
                        "ownOrganisations", nonEmpty(organisations), "ownIcbs", nonEmpty(icbs)) : Map.of());
        var query = entities.createQuery("from ParityFinding f where " + where + " order by f.lastChangedAt desc, f.id",
                ParityFinding.class);
        var count = entities.createQuery("select count(f) from ParityFinding f where " + where, Long.class);
        where.parameters().forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<FindingResponse> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultStream()
                .map(FindingResponse::of).toList();
        return Page.of(items, paging, count.getSingleResult());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Read one finding with its evidence")
    @APIResponse(responseCode = "200", description = "The finding; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = FindingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such finding")
    public Response get(@PathParam("id") UUID id) {
        ParityFinding finding = service.load(id);
        scope.requireRead(DataClass.AGGREGATE, reachOf(finding));
        return ETags.ok(FindingResponse.of(finding), finding.version());
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Acknowledge an open finding, saying what is being done")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = FindingResponse.class)))
    @APIResponse(responseCode = "400", description = "No comment")
    @APIResponse(responseCode = "404", description = "No such finding")
    @APIResponse(responseCode = "409", description = "Not open")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Comment comment) {
        ParityFinding finding = service.acknowledge(id, ifMatch, comment.comment(), this::requireChangeable);
        return ETags.ok(FindingResponse.of(finding), finding.version());
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Resolve a finding, saying how; the rules reopen it if it comes back")
    @APIResponse(responseCode = "200", description = "Resolved",
            content = @Content(schema = @Schema(implementation = FindingResponse.class)))
    @APIResponse(responseCode = "400", description = "No comment")
    @APIResponse(responseCode = "404", description = "No such finding")
    @APIResponse(responseCode = "409", description = "Already resolved")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Comment comment) {
        ParityFinding finding = service.resolve(id, ifMatch, comment.comment(), this::requireChangeable);
        return ETags.ok(FindingResponse.of(finding), finding.version());
    }

    private void requireChangeable(ParityFinding finding) {
        scope.requireWrite(DataClass.AGGREGATE, reachOf(finding));
    }

    /** A finding is about an organisation, an ICB, or the nation. */
    private static Reach reachOf(ParityFinding finding) {
        return Reach.of(finding.organisation(), finding.icb());
    }

    /** An IN list matches nothing when empty, rather than being malformed. */
    private static Set<String> nonEmpty(Set<String> codes) {
        return codes == null || codes.isEmpty() ? Set.of("") : codes;
    }
}
