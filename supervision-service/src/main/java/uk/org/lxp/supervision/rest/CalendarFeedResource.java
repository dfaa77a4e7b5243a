package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.supervision.repository.CalendarFeedRepository;
import uk.org.lxp.supervision.service.CalendarFeedService;

@Path("/api/v1/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar feeds", description = "iCalendar feeds of a person's sessions, for calendar clients that cannot sign in")
@SecurityRequirement(name = "keycloak")
public class CalendarFeedResource {

    private final CalendarFeedService service;
    private final CalendarFeedRepository repository;
    private final CallerScope scope;
    private final SupervisionReach reach;
    private final String publicUrl;

    CalendarFeedResource(CalendarFeedService service, CalendarFeedRepository repository, CallerScope scope,
            SupervisionReach reach, @ConfigProperty(name = "lxp.public-url") String publicUrl) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
        this.reach = reach;
        this.publicUrl = publicUrl;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Make a calendar feed of a person's sessions; the answer holds its address once",
            description = "A feed shows what its maker could read anyway: a supervisor or practitioner makes feeds of"
                    + " its own sessions; HR and leads of anyone's in their organisation.")
    @APIResponse(responseCode = "201", description = "Made; url holds the token and is not shown again",
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "The person is not a known supervisor or supervisee there")
    public Response create(@NotNull @Valid CalendarFeedRequest request) {
        reach.requireOwnRecord(request.organisationCode(), request.staffReference());
        CalendarFeedService.Created created = service.create(request.owner(), request.organisationCode(),
                request.staffReference(), scope.actor());
        String url = publicUrl + CalendarResource.FEED_PATH + "?token=" + URLEncoder.encode(created.token(), StandardCharsets.UTF_8);
        return Response.created(URI.create("/api/v1/calendar-feeds/" + created.feed().id()))
                .entity(CalendarFeedResponse.of(created.feed(), url)).build();
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "List an organisation's calendar feeds (never their tokens); a person sees its own")
    @APIResponse(responseCode = "200", description = "The feeds, oldest first",
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class, type =
                    SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Missing organisation")
    public List<CalendarFeedResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Parameter(description = "Only this person's feeds") @QueryParam("staffReference") @StaffReference String staffReference) {
        return repository.of(organisation, reach.listedPerson(organisation, staffReference)).stream()
                .map(feed -> CalendarFeedResponse.of(feed, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Revoke a calendar feed: its address stops working at once")
    @APIResponse(responseCode = "204", description = "Revoked (or revoked already)")
    @APIResponse(responseCode = "404", description = "No such feed")
    public void revoke(@PathParam("id") UUID id) {
        service.revoke(id, feed -> reach.requireOwnRecord(feed.organisationCode(), feed.staffReference()));
    }
}
