package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.TreeSet;
import java.util.UUID;

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
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.ReflectiveGroup;
import uk.org.lxp.supervision.repository.GroupSessionRepository;
import uk.org.lxp.supervision.repository.ReflectiveGroupRepository;
import uk.org.lxp.supervision.service.ReflectiveGroupService;

@Path("/api/v1/reflective-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reflective practice groups", description = "Team reflective practice: facilitator, members, meetings and"
        + " attendance, never what was said")
@SecurityRequirement(name = "keycloak")
public class ReflectiveGroupResource {

    private static final String PATH = "/api/v1/reflective-groups";

    private final ReflectiveGroupService service;
    private final ReflectiveGroupRepository groups;
    private final GroupSessionRepository meetings;
    private final CallerScope scope;
    private final SupervisionReach reach;

    ReflectiveGroupResource(ReflectiveGroupService service, ReflectiveGroupRepository groups,
            GroupSessionRepository meetings, CallerScope scope, SupervisionReach reach) {
        this.service = service;
        this.groups = groups;
        this.meetings = meetings;
        this.scope = scope;
        this.reach = reach;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Form a reflective practice group; its meetings are planned at once",
            description = "Meetings are planned from the first day (or today) up to the rolling horizon, at a time the"
                    + " facilitator and every member can meet: their working days and hours, bank holidays, leave and"
                    + " everyone's other sessions. Attending counts towards a member's supervision standard only where"
                    + " their role profile asks for group supervision.")
    @APIResponse(responseCode = "201", description = "Formed; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ReflectiveGroupResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a recurrence rule this service does not plan")
    @APIResponse(responseCode = "422", description = "An unknown facilitator, or members who share no working time")
    public Response form(@NotNull @Valid ReflectiveGroupRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        ReflectiveGroup group = service.form(request.toCommand());
        return ETags.created(URI.create(PATH + "/" + group.id()), ReflectiveGroupResponse.of(group), group.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "List one organisation's reflective practice groups")
    @APIResponse(responseCode = "200", description = "One page of groups, by name")
    @APIResponse(responseCode = "400", description = "Missing organisation or invalid paging")
    @OneSnapshot
    public Page<ReflectiveGroupResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Valid @BeanParam Paging paging) {
        scope.requireRead(DataClass.PERSON_LEVEL, organisation);
        var items = groups.inOrganisation(organisation, paging).stream().map(ReflectiveGroupResponse::of).toList();
        return Page.of(items, paging, groups.countInOrganisation(organisation));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "Read one reflective practice group", description = "A supervisor reads the groups it facilitates.")
    @APIResponse(responseCode = "200", description = "The group; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ReflectiveGroupResponse.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    public Response get(@PathParam("id") UUID id) {
        ReflectiveGroup group = service.load(id);
        reach.requireReadOfGroup(group.organisationCode(), group.facilitatorId());
        return ETags.ok(ReflectiveGroupResponse.of(group), group.version());
    }

    @PUT
    @Path("/{id}/members")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Set a group's members; the meetings still to come are planned again")
    @APIResponse(responseCode = "200", description = "The group; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ReflectiveGroupResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid members")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "The group has ended")
    @APIResponse(responseCode = "412", description = "The group changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "Members who share no working time")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response changeMembers(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid GroupMembers request) {
        ReflectiveGroup group = service.changeMembers(id, ifMatch, new TreeSet<>(request.members()),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(ReflectiveGroupResponse.of(group), group.version());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "End a group after a day; meetings planned beyond it are withdrawn")
    @APIResponse(responseCode = "200", description = "The ended group; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ReflectiveGroupResponse.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "The group has ended already")
    @APIResponse(responseCode = "412", description = "The group changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A last day before the group's first")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response end(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgreementEnd request) {
        ReflectiveGroup group = service.end(id, ifMatch, request.lastDay(),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationCode()));
        return ETags.ok(ReflectiveGroupResponse.of(group), group.version());
    }

    @GET
    @Path("/{id}/meetings")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "List a group's meetings in the order of its series")
    @APIResponse(responseCode = "200", description = "One page of meetings")
    @APIResponse(responseCode = "404", description = "No such group")
    @OneSnapshot
    public Page<MeetingResponse> meetings(@PathParam("id") UUID id, @Valid @BeanParam Paging paging) {
        ReflectiveGroup group = service.load(id);
        reach.requireReadOfGroup(group.organisationCode(), group.facilitatorId());
        var items = meetings.ofGroup(id, paging).stream().map(MeetingResponse::of).toList();
        return Page.of(items, paging, meetings.countOfGroup(id));
    }

    @POST
    @Path("/{id}/meetings/{meetingId}/outcome")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "Record what became of a meeting: held with who attended, or cancelled by whom and why",
            description = "The facilitator, or HR, records it once the meeting has begun (a cancellation may be ahead)."
                    + " A meeting nobody records becomes MISSED after the grace period.")
    @APIResponse(responseCode = "200", description = "The meeting; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid outcome, or a field the API does not have (nothing said is kept)")
    @APIResponse(responseCode = "404", description = "No such group or meeting")
    @APIResponse(responseCode = "409", description = "The meeting's outcome is recorded already")
    @APIResponse(responseCode = "412", description = "The meeting changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "Held before it began, or attendance of someone not a member")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response recordMeeting(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid MeetingOutcomeRequest request) {
        GroupSession meeting = service.record(id, meetingId, ifMatch, request.toOutcome(),
                group -> reach.requireWrite(group.organisationCode(), group.facilitatorId()));
        return ETags.ok(MeetingResponse.of(meeting), meeting.version());
    }
}
