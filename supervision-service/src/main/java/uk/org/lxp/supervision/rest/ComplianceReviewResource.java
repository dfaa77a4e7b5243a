package uk.org.lxp.supervision.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import uk.org.lxp.supervision.service.ComplianceService;

@Path("/api/v1/compliance-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Supervision figures")
@SecurityRequirement(name = "keycloak")
public class ComplianceReviewResource {

    private final ComplianceService compliance;
    private final CallerScope scope;

    ComplianceReviewResource(ComplianceService compliance, CallerScope scope) {
        this.compliance = compliance;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Review compliance now, as the daily job does",
            description = "Marks sessions and group meetings nobody recorded within the grace period as MISSED, and"
                    + " reviews every agreement, post holder and supervisor of one organisation, or of all; each change"
                    + " of standing is an event, and the organisations' figures are republished.")
    @APIResponse(responseCode = "200", description = "How many organisations were reviewed, and how many failed")
    @APIResponse(responseCode = "422", description = "An unknown organisation")
    public ComplianceService.Review review(
            @Parameter(description = "ODS code of one organisation; all when left out") @QueryParam("organisation")
            @OdsCode String organisation) {
        scope.requireKnownOrganisation(organisation, "organisation");
        return organisation == null ? compliance.reviewEveryOrganisation() : compliance.review(List.of(organisation));
    }
}
