package uk.org.lxp.roles.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.roles.RoleDevelopmentSettings;
import uk.org.lxp.roles.service.RoleDevelopmentService;

@Path("/api/v1/role-development-settings/{odsCode}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role development")
@SecurityRequirement(name = "keycloak")
public class RoleDevelopmentSettingsResource {

    private final RoleDevelopmentService service;
    private final CallerScope scope;

    RoleDevelopmentSettingsResource(RoleDevelopmentService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @Schema(name = "RoleDevelopmentSettings")
    public record Settings(
            @Schema(example = "RGD") String odsCode,
            @Schema(description = "Whether publishing, materially revising or retiring the organisation's profiles needs"
                    + " its steering group's approval (and publishing, settled readiness questions)", example = "true")
            boolean requiresCoProduction,
            @Schema(description = "How often a published role is reviewed", example = "12") int reviewEveryMonths,
            @Schema(description = "Also the ETag; 0 while the organisation has the defaults", example = "0") int version,
            @Schema(description = "Null while the organisation has the defaults", nullable = true) Instant updatedAt) {

        static Settings of(RoleDevelopmentSettings settings) {
            return new Settings(settings.odsCode(), settings.requiresCoProduction(), settings.reviewEveryMonths(),
                    settings.etagVersion(), settings.updatedAt());
        }
    }

    @Schema(name = "RoleDevelopmentSettingsRequest")
    public record SettingsRequest(
            @Schema(example = "true") @NotNull Boolean requiresCoProduction,
            @Schema(example = "12") @NotNull @Min(1) @Max(60) Integer reviewEveryMonths) {
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "How an organisation develops its roles (the defaults until it sets its own)")
    @APIResponse(responseCode = "200", description = "The settings; the ETag header holds their version",
            content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "A malformed ODS code")
    @APIResponse(responseCode = "422", description = "An unknown organisation")
    public Response get(@PathParam("odsCode") @OdsCode String odsCode) {
        scope.requireKnownOrganisation(odsCode, "odsCode");
        scope.requireRead(DataClass.CATALOGUE, odsCode);
        RoleDevelopmentSettings settings = service.settingsOf(odsCode);
        return ETags.ok(Settings.of(settings), settings.etagVersion());
    }

    @PUT
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Set whether the organisation co-produces its roles and how often they are reviewed",
            description = "Takes effect for the next change of a profile; a review interval applies from the next"
                    + " publication or review.")
    @APIResponse(responseCode = "200", description = "Set",
            content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "Invalid settings")
    @APIResponse(responseCode = "412", description = "The settings changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "An unknown organisation")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("odsCode") @OdsCode String odsCode,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid SettingsRequest request) {
        scope.requireKnownOrganisation(odsCode, "odsCode");
        scope.requireWrite(DataClass.CATALOGUE, odsCode);
        RoleDevelopmentSettings settings = service.changeSettings(odsCode, ifMatch, request.requiresCoProduction(),
                request.reviewEveryMonths());
        return ETags.ok(Settings.of(settings), settings.etagVersion());
    }
}
