package uk.org.lxp.payequity.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import uk.org.lxp.api.QueryParameters;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.events.ParityFindingEvents.FindingState;
import uk.org.lxp.payequity.service.ParityFindingService;

@Path("/api/v1/parity-findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parity findings", description = "Where LXP pay and posts fall short, with the evidence")
@SecurityRequirement(name = "keycloak")
public class ParityFindingResource {

    static final int MAX_PAGE_SIZE = 200;

    private final ParityFindingService service;
    private final EntityManager entities;
    private final CallerScope caller;

    ParityFindingResource(ParityFindingService service, EntityManager entities, CallerScope caller) {
        this.service = service;
        this.entities = entities;
        this.caller = caller;
    }

    @Schema(name = "FindingComment")
    public record Comment(@Schema(example = "Band 7 post approved for next financial year") @NotBlank @Size(max = 2000) String comment) {
    }

    @POST
    @Path("/evaluations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"lxp-admin", "lxp-lead"})
    @Operation(summary = "Evaluate every parity rule now (they also run soon after relevant changes)")
    @APIResponse(responseCode = "200", description = "How many findings were raised, updated, reopened and resolved")
    public ParityFindingService.Evaluation evaluate() {
        return service.evaluate();
    }

    @GET
    @RolesAllowed({"lxp-admin", "lxp-lead", "ics-analyst", "hr-integration"})
    @Operation(summary = "List findings, most recently changed first, within the caller's scope")
    @APIResponse(responseCode = "200", description = "One page of findings")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public PageOf<FindingState> list(
            @Parameter(description = "e.g. NO_SENIOR_POST") @QueryParam("rule") String rule,
            @Parameter(description = "OPEN, ACKNOWLEDGED or RESOLVED") @QueryParam("status") String status,
            @QueryParam("organisation") @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String organisation,
            @QueryParam("icb") @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String icb,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        add(where, parameters, "rule", QueryParameters.enumValue(ParityRules.Rule.class, "rule", rule));
        add(where, parameters, "status", QueryParameters.enumValue(ParityFinding.Status.class, "status", status));
        add(where, parameters, "organisation", organisation);
        add(where, parameters, "icb", icb);
        if (!caller.isAdmin() && !caller.hasRole(CallerScope.LXP_LEAD)) {
            if (caller.hasRole(CallerScope.ICS_ANALYST)) {
                where.append(" and (f.icb = :ownIcb or (f.icb is null and f.organisation is null))");
                parameters.put("ownIcb", caller.icb().orElse(""));
            } else {
                where.append(" and (f.organisation in :ownOrganisations or (f.icb is null and f.organisation is null))");
                parameters.put("ownOrganisations", caller.organisations().isEmpty() ? List.of("") : caller.organisations());
            }
        }
        var query = entities.createQuery("from ParityFinding f where " + where + " order by f.lastChangedAt desc, f.id",
                ParityFinding.class);
        var count = entities.createQuery("select count(f) from ParityFinding f where " + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<FindingState> items = query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(FindingState::of).toList();
        return new PageOf<>(items, page, size, count.getSingleResult());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "lxp-lead", "ics-analyst", "hr-integration"})
    @Operation(summary = "Read one finding with its evidence")
    @APIResponse(responseCode = "200", description = "The finding; the ETag header holds its version")
    @APIResponse(responseCode = "403", description = "Outside the caller's scope")
    @APIResponse(responseCode = "404", description = "No such finding")
    public Response get(@PathParam("id") UUID id) {
        ParityFinding finding = service.load(id);
        requireScope(finding);
        return Response.ok(FindingState.of(finding)).tag(Integer.toString(finding.version())).build();
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({"lxp-admin", "lxp-lead", "ics-analyst", "hr-integration"})
    @Operation(summary = "Acknowledge an open finding, saying what is being done")
    @APIResponse(responseCode = "200", description = "Acknowledged")
    @APIResponse(responseCode = "403", description = "Outside the caller's scope")
    @APIResponse(responseCode = "404", description = "No such finding")
    @APIResponse(responseCode = "409", description = "Not open")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Comment comment) {
        ParityFinding finding = service.acknowledge(id, ifMatch, comment.comment(), this::requireScope);
        return Response.ok(FindingState.of(finding)).tag(Integer.toString(finding.version())).build();
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({"lxp-admin", "lxp-lead", "ics-analyst", "hr-integration"})
    @Operation(summary = "Resolve a finding, saying how; the rules reopen it if it comes back")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "403", description = "Outside the caller's scope")
    @APIResponse(responseCode = "404", description = "No such finding")
    @APIResponse(responseCode = "409", description = "Already resolved")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid Comment comment) {
        ParityFinding finding = service.resolve(id, ifMatch, comment.comment(), this::requireScope);
        return Response.ok(FindingState.of(finding)).tag(Integer.toString(finding.version())).build();
    }

    private void requireScope(ParityFinding finding) {
        if (caller.isAdmin() || caller.hasRole(CallerScope.LXP_LEAD)) {
            return;
        }
        boolean national = finding.organisation() == null && finding.icb() == null;
        boolean inScope = caller.hasRole(CallerScope.ICS_ANALYST)
                ? caller.icb().map(own -> own.equals(finding.icb())).orElse(false)
                : finding.organisation() != null && caller.mayActFor(finding.organisation());
        if (!inScope && !national) {
            throw new ForbiddenException("This finding is outside the token's organisations or ICB");
        }
    }

    private static void add(StringBuilder where, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            where.append(" and f.").append(field).append(" = :").append(field);
            parameters.put(field, value);
        }
    }
}
