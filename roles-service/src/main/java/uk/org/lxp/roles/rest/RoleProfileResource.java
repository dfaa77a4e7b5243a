package uk.org.lxp.roles.rest;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.roles.ContractBasis;
import uk.org.lxp.roles.JobEvaluation;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.Readiness;
import uk.org.lxp.roles.ReadinessAnswer;
import uk.org.lxp.roles.ReadinessTopic;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.RoleProfile;
import uk.org.lxp.roles.RoleProfileRevision;
import uk.org.lxp.roles.repository.RoleProfileRepository;
import uk.org.lxp.roles.service.RoleProfileService;

@Path("/api/v1/role-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role profiles", description = "The LXP role catalogue: national templates and organisations' own profiles")
@SecurityRequirement(name = "keycloak")
public class RoleProfileResource {

    private final RoleProfileService service;
    private final RoleProfileRepository repository;
    private final CallerScope scope;
    private final ObjectMapper snapshots;

    RoleProfileResource(RoleProfileService service, RoleProfileRepository repository, CallerScope scope, ObjectMapper json) {
        this.service = service;
        this.repository = repository;
        this.scope = scope;
        // Revisions were written as the profile stood; fields added since are simply absent from old ones.
        this.snapshots = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Schema(name = "RoleProfileAdoption")
    public record Adoption(@Schema(example = "RGD") @NotNull @OdsCode String organisationCode) {
    }

    @Schema(name = "RoleProfileRevision")
    public record Revision(@Schema(example = "2") int revision, Instant recordedAt, RoleProfile.Status status,
            @Schema(description = "The profile as it stood after this revision") RoleProfileResponse profile) {
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Create a draft role profile (a national template needs lxp-admin)")
    @APIResponse(responseCode = "201", description = "Created as a draft; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile, e.g. a missing lived experience criterion")
    @APIResponse(responseCode = "403", description = "The caller may not create profiles for that owner")
    @APIResponse(responseCode = "422", description = "The owning organisation is not registered")
    public Response create(@NotNull @Valid RoleProfileRequest request) {
        scope.requireWrite(DataClass.CATALOGUE, request.ownerOdsCode());
        return created(service.create(request.ownerOdsCode(), request.content()));
    }

    @POST
    @Path("/{id}/adoptions")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Adopt a published national template as an organisation's own draft")
    @APIResponse(responseCode = "201", description = "The organisation's draft copy",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The template is not published")
    @APIResponse(responseCode = "422", description = "Not a national template, or the organisation is not registered")
    public Response adopt(@PathParam("id") UUID id, @NotNull @Valid Adoption adoption) {
        scope.requireWrite(DataClass.CATALOGUE, adoption.organisationCode());
        return created(service.adopt(id, adoption.organisationCode()));
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Search the catalogue, sorted by title; drafts show only to their own organisation")
    @APIResponse(responseCode = "200", description = "One page of profiles")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<RoleProfileResponse> list(
            @Parameter(description = "Owning organisation's ODS code, or 'national' for templates") @QueryParam("owner") String owner,
            @Parameter(description = "Profiles of organisations in this ICB today") @QueryParam("icb") @OdsCode String icb,
            @QueryParam("family") RoleFamily family,
            @QueryParam("level") RoleLevel level,
            @QueryParam("band") PayBand band,
            @QueryParam("basis") ContractBasis basis,
            @QueryParam("status") RoleProfile.Status status,
            @Parameter(description = "Only patient-facing profiles filed under 08 Administrative and Clerical")
            @QueryParam("misfiled") Boolean misfiled,
            @Valid @BeanParam Paging paging) {
        var filter = new RoleProfileRepository.Filter(owner, icb, family, level, band, basis, status, misfiled,
                scope.readable(DataClass.CATALOGUE).organisations().orElse(null), scope.today());
        List<RoleProfile> listed = repository.list(filter, paging);
        Map<UUID, Readiness> readiness = service.readiness(listed);
        List<RoleProfileResponse> items = listed.stream()
                .map(profile -> RoleProfileResponse.of(profile, readiness.get(profile.id()))).toList();
        return Page.of(items, paging, repository.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Read a profile as it is, or as it stood at an instant (asOf)")
    @APIResponse(responseCode = "200", description = "The profile; the ETag header holds its current version",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf is not an instant")
    @APIResponse(responseCode = "403", description = "A draft of an organisation the caller does not act for")
    @APIResponse(responseCode = "404", description = "No such profile, or it did not exist at that instant")
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "An instant, e.g. 2026-01-01T00:00:00Z") @QueryParam("asOf") Instant asOf) {
        RoleProfile profile = readable(id);
        if (asOf != null) {
            RoleProfileRevision revision = service.asOf(id, asOf)
                    .orElseThrow(() -> new NotFound("Role profile " + id + " did not exist at " + asOf));
            return Response.ok(snapshot(revision)).build();
        }
        return current(profile);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Every revision of a profile, oldest first")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such profile")
    public List<Revision> revisions(@PathParam("id") UUID id) {
        readable(id);
        return service.revisions(id).stream()
                .map(revision -> new Revision(revision.revision(), revision.recordedAt(), revision.status(), snapshot(revision)))
                .toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Revise a draft or published profile")
    @APIResponse(responseCode = "200", description = "Revised; a new revision is kept",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid profile")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The profile is retired")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A material change of a published profile whose owner co-produces"
            + " its roles, without its steering group's approval to revise")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response revise(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RoleProfileRequest request) {
        return current(service.revise(id, ifMatch, request.content(), this::requireEditRights));
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Publish a draft")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "Not a draft")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "422", description = "The owner co-produces its roles and the readiness questions are not"
            + " settled, or the steering group's latest decision on publishing this content is not an approval")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(service.publish(id, ifMatch, this::requireEditRights));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Retire a profile; it stays readable with all its revisions")
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "Already retired")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "422", description = "A published profile whose owner co-produces its roles, without its"
            + " steering group's approval to retire")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return current(service.retire(id, ifMatch, this::requireEditRights));
    }

    @Schema(name = "RoleProfileReadiness")
    public record ReadinessView(
            @Schema(description = "Whether every topic is settled with both sides", example = "false") boolean complete,
            @Schema(description = "Each topic that applies to the profile, with its answer if it has one")
            List<TopicAnswer> topics) {
    }

    @Schema(name = "ReadinessTopicAnswer")
    public record TopicAnswer(
            @Schema(example = "COMMUNITIES") String code,
            @Schema(example = "Communities served") String topic,
            @Schema(example = "Which people and communities the role represents or supports or connects to") String covers,
            @Schema(description = "Null while the topic is unanswered", nullable = true) ReadinessAnswer answer,
            @Schema(description = "What the topic still lacks; empty when it is settled") List<Readiness.Lack> lacking) {
    }

    @PUT
    @Path("/{id}/job-evaluation")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Record a panel's evaluation of the role against the NHS Job Evaluation Scheme",
            description = "Every one of the 16 factors at a level or a range of levels; the job weight is the sum of the"
                    + " factor points (a range when any factor is), scored with the scheme as it stands (see"
                    + " /api/v1/job-evaluation-scheme), and evidences the bands whose job-weight ranges it meets. It"
                    + " replaces the current evaluation, which stays in the earlier revisions; a profile banded below"
                    + " every band its evaluation evidences shows it among its concerns.")
    @APIResponse(responseCode = "200", description = "Evaluated; a new revision is kept",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid evaluation, e.g. a factor missing or rated twice, a level"
            + " the factor does not have, a range that runs backwards, an evaluation in the future, or a panel without"
            + " both sides")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The profile is retired")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response evaluate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid JobEvaluationRequest request) {
        JobEvaluation.Panel panel;
        try {
            panel = request.panelMakeUp();
        } catch (IllegalArgumentException invalid) {
            throw InvalidRequest.inBody("panel", invalid.getMessage());
        }
        return current(service.evaluate(id, ifMatch, request.evaluatedOn(), request.ratings(), panel,
                this::requireEditRights));
    }

    @GET
    @Path("/{id}/readiness")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "The readiness questions of a profile, each with its answer and what it still lacks")
    @APIResponse(responseCode = "200", description = "The topics and answers; the ETag header holds the profile's version",
            content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "403", description = "A draft of an organisation the caller does not act for")
    @APIResponse(responseCode = "404", description = "No such profile")
    public Response readiness(@PathParam("id") UUID id) {
        RoleProfile profile = readable(id);
        return ETags.ok(readinessView(profile), profile.version());
    }

    @PUT
    @Path("/{id}/readiness/{topicCode}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Answer (or answer again) one readiness topic of a profile",
            description = "Kept as a new revision; not a material change, so a steering group's approval stands.")
    @APIResponse(responseCode = "200", description = "Answered; the ETag header holds the profile's new version",
            content = @Content(schema = @Schema(implementation = ReadinessView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer")
    @APIResponse(responseCode = "404", description = "No such profile, or no such topic applies to it")
    @APIResponse(responseCode = "409", description = "The profile is retired")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response answer(@PathParam("id") UUID id, @PathParam("topicCode") String topicCode,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ReadinessAnswerRequest request) {
        RoleProfile profile = service.answer(id, ifMatch, topicCode, request.answer(), request.perspectives(),
                this::requireEditRights);
        return ETags.ok(readinessView(profile), profile.version());
    }

    @POST
    @Path("/{id}/steering-decisions")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Record a steering group's decision on the profile as it stands",
            description = "Where the owner co-produces its roles, publishing, materially revising or retiring a"
                    + " profile needs an APPROVED decision on that matter taken since its content last changed"
                    + " materially. The group must be the owner's or its ICB's, the members present its members, the"
                    + " meeting quorate, and the votes those of the members present.")
    @APIResponse(responseCode = "200", description = "Recorded as a new revision",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid decision, e.g. votes that do not add up to those present, a"
            + " member listed twice or a meeting in the future")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The matter does not fit the profile's status, e.g. PUBLISH for a"
            + " published profile")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "An unknown steering group, another organisation's group, a member"
            + " who is not in the group, a meeting that was not quorate, a meeting before the profile's content last"
            + " changed materially, or a national template")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response recordDecision(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid SteeringDecisionRequest request) {
        return current(service.recordDecision(id, ifMatch, request.taken(), this::requireEditRights));
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Record a regular review of a published role",
            description = "The next review falls due the organisation's interval after the latest review; an overdue"
                    + " review is cleared when that is still ahead.")
    @APIResponse(responseCode = "200", description = "Recorded as a new revision",
            content = @Content(schema = @Schema(implementation = RoleProfileResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid review, e.g. one dated in the future")
    @APIResponse(responseCode = "404", description = "No such profile")
    @APIResponse(responseCode = "409", description = "The profile is not published")
    @APIResponse(responseCode = "412", description = "The profile changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RoleReviewRequest request) {
        return current(service.review(id, ifMatch, request.reviewedOn(), request.perspectives(), request.outcome(),
                request.summary(), this::requireEditRights));
    }

    private ReadinessView readinessView(RoleProfile profile) {
        List<ReadinessTopic> topics = service.topicsOf(profile);
        Readiness readiness = Readiness.assess(topics, profile.readinessAnswers());
        Map<String, List<Readiness.Lack>> lacking = new HashMap<>();
        readiness.missing().forEach(gap -> lacking.put(gap.topicCode(), gap.lacking()));
        Map<String, ReadinessAnswer> answers = new HashMap<>();
        profile.readinessAnswers().forEach(answer -> answers.put(answer.topicCode(), answer));
        return new ReadinessView(readiness.complete(), topics.stream()
                .map(topic -> new TopicAnswer(topic.code(), topic.topic(), topic.covers(), answers.get(topic.code()),
                        lacking.getOrDefault(topic.code(), List.of())))
                .toList());
    }

    private void requireEditRights(RoleProfile profile) {
        scope.requireWrite(DataClass.CATALOGUE, profile.ownerOdsCode());
    }

    /** Published profiles and templates are open to every caller; a draft only to its own organisation. */
    private RoleProfile readable(UUID id) {
        RoleProfile profile = service.load(id);
        if (profile.status() == RoleProfile.Status.DRAFT) {
            scope.requireRead(DataClass.CATALOGUE, profile.ownerOdsCode());
        }
        return profile;
    }

    private RoleProfileResponse snapshot(RoleProfileRevision revision) {
        return snapshots.convertValue(revision.snapshot(), RoleProfileResponse.class);
    }

    private Response created(RoleProfile profile) {
        return ETags.created(URI.create("/api/v1/role-profiles/" + profile.id()),
                RoleProfileResponse.of(profile, service.readiness(profile)), profile.version());
    }

    private Response current(RoleProfile profile) {
        return ETags.ok(RoleProfileResponse.of(profile, service.readiness(profile)), profile.version());
    }
}
