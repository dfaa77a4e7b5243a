package uk.org.lxp.roles.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.roles.service.RoleDevelopmentService;

@Path("/api/v1/role-development-figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Role development")
@SecurityRequirement(name = "keycloak")
public class RoleDevelopmentFiguresResource {

    private final RoleDevelopmentService service;
    private final CallerScope scope;

    RoleDevelopmentFiguresResource(RoleDevelopmentService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Co-production of an organisation's, an ICB's or England's LXP roles",
            description = "Published profiles, how many were co-produced (readiness settled with both sides and"
                    + " publication approved by a steering group), reviews overdue, and steering-group members by"
                    + " perspective. Counts of roles and of members only: no member is ever named or referenced.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "Both organisation and icb given, or a malformed ODS code")
    @APIResponse(responseCode = "403", description = "A scope outside the token's organisation or ICB")
    @APIResponse(responseCode = "422", description = "An unknown organisation or ICB")
    public RoleDevelopmentService.Figures figures(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @Parameter(description = "ODS code of an ICB; neither organisation nor icb means England") @QueryParam("icb")
            @OdsCode String icb) {
        return service.figures(scope.requireReadableAggregate(organisation, icb), scope.seesSmallCohorts());
    }
}
