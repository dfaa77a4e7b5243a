package uk.org.lxp.roles.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.roles.service.RoleProfileService;

@Path("/api/v1/role-review-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Tag(name = "Role development")
@SecurityRequirement(name = "keycloak")
public class RoleReviewCheckResource {

    private final RoleProfileService profiles;

    RoleReviewCheckResource(RoleProfileService profiles) {
        this.profiles = profiles;
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Check for overdue role reviews now, as the nightly job does",
            description = "Each published role whose review date has passed is marked overdue once, with a"
                    + " RoleProfileReviewOverdue event; a later review clears it.")
    @APIResponse(responseCode = "200", description = "How many roles were newly marked overdue, and how many could not be")
    public RoleProfileService.ReviewCheck check() {
        return profiles.markReviewsOverdue();
    }
}
