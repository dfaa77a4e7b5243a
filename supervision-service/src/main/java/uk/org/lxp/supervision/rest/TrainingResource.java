package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.LinkedHashMap;
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

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.supervision.Trainee;
import uk.org.lxp.supervision.TrainingCohort;
import uk.org.lxp.supervision.repository.TraineeRepository;
import uk.org.lxp.supervision.repository.TrainingCohortRepository;
import uk.org.lxp.supervision.service.TrainingService;

@Path("/api/v1/training-cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Training programme", description = "Cohorts of the 12-week training programme for new LXPs, trainees,"
        + " their mentoring, attendance and how they finished")
@SecurityRequirement(name = "keycloak")
public class TrainingResource {

    private static final String PATH = "/api/v1/training-cohorts";
    private static final String TRAINEE = "/{id}/trainees/{traineeId}";

    private final TrainingService service;
    private final TrainingCohortRepository cohorts;
    private final TraineeRepository trainees;
    private final CallerScope scope;

    TrainingResource(TrainingService service, TrainingCohortRepository cohorts, TraineeRepository trainees,
            CallerScope scope) {
        this.service = service;
        this.cohorts = cohorts;
        this.trainees = trainees;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Create a training cohort with its curriculum")
    @APIResponse(responseCode = "201", description = "Created; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = TrainingCohortResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "A module planned outside the programme's weeks, or named twice")
    public Response create(@NotNull @Valid TrainingCohortRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        TrainingCohort cohort = service.create(request.toCommand());
        return ETags.created(URI.create(PATH + "/" + cohort.id()), TrainingCohortResponse.of(cohort, scope.today()),
                cohort.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "List one organisation's training cohorts, latest first")
    @APIResponse(responseCode = "200", description = "One page of cohorts")
    @APIResponse(responseCode = "400", description = "Missing organisation or invalid paging")
    @OneSnapshot
    public Page<TrainingCohortResponse> list(
            @Parameter(description = "ODS code of the organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Valid @BeanParam Paging paging) {
        scope.requireRead(DataClass.PERSON_LEVEL, organisation);
        var items = cohorts.inOrganisation(organisation, paging).stream()
                .map(cohort -> TrainingCohortResponse.of(cohort, scope.today())).toList();
        return Page.of(items, paging, cohorts.countInOrganisation(organisation));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Read one training cohort")
    @APIResponse(responseCode = "200", description = "The cohort; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = TrainingCohortResponse.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public Response get(@PathParam("id") UUID id) {
        TrainingCohort cohort = service.load(id);
        scope.requireRead(DataClass.PERSON_LEVEL, cohort.organisationCode());
        return ETags.ok(TrainingCohortResponse.of(cohort, scope.today()), cohort.version());
    }

    @POST
    @Path("/{id}/trainees")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Enrol a trainee, with their mentor when known",
            description = "A mentor's weekly sessions are planned from the programme's start (past ones too, to be"
                    + " recorded) to its last day, by the same planner as supervision. A mentor who is not an LXP is"
                    + " accepted and flagged. A finished cohort takes trainees without mentoring (history).")
    @APIResponse(responseCode = "201", description = "Enrolled; the ETag header holds the trainee's version",
            content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, e.g. a mentoring rule this service does not plan")
    @APIResponse(responseCode = "404", description = "No such cohort")
    @APIResponse(responseCode = "409", description = "Already enrolled on this cohort")
    @APIResponse(responseCode = "422", description = "Mentoring on a finished cohort, or an unknown mentor or one of another"
            + " organisation")
    public Response enrol(@PathParam("id") UUID id, @NotNull @Valid TraineeRequest request) {
        Trainee trainee = service.enrol(id, request.traineeReference(),
                request.mentoring() == null ? null : request.mentoring().toMentoring(), this::requireWrite);
        return ETags.created(URI.create(PATH + "/" + id + "/trainees/" + trainee.id()), TraineeResponse.of(trainee),
                trainee.version());
    }

    @GET
    @Path("/{id}/trainees")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "List a cohort's trainees")
    @APIResponse(responseCode = "200", description = "The cohort's trainees, by reference")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public List<TraineeResponse> trainees(@PathParam("id") UUID id) {
        TrainingCohort cohort = service.load(id);
        scope.requireRead(DataClass.PERSON_LEVEL, cohort.organisationCode());
        return trainees.ofCohort(id).stream().map(TraineeResponse::of).toList();
    }

    @GET
    @Path(TRAINEE)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Read one trainee")
    @APIResponse(responseCode = "200", description = "The trainee; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    public Response trainee(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId) {
        TrainingCohort cohort = service.load(id);
        scope.requireRead(DataClass.PERSON_LEVEL, cohort.organisationCode());
        Trainee trainee = service.trainee(id, traineeId);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    @PUT
    @Path(TRAINEE + "/mentor")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Give a trainee a (new) mentor; a previous mentor's sessions still to come are withdrawn",
            description = "A new mentor's sessions are planned from today to the programme's last day.")
    @APIResponse(responseCode = "200", description = "The trainee", content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    @APIResponse(responseCode = "409", description = "The trainee has finished")
    @APIResponse(responseCode = "412", description = "The trainee changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "The programme has finished, or an unknown mentor or one of another"
            + " organisation")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response mentor(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid MentoringBody request) {
        Trainee trainee = service.mentor(id, traineeId, ifMatch, request.toMentoring(), this::requireWrite);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    @POST
    @Path(TRAINEE + "/attendance")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Record which modules a trainee attended", description = "For modules whose planned week has"
            + " begun; recording a module again replaces what was recorded.")
    @APIResponse(responseCode = "200", description = "The trainee", content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or a module given twice")
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    @APIResponse(responseCode = "409", description = "The trainee has finished")
    @APIResponse(responseCode = "412", description = "The trainee changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A module the curriculum does not have, or whose week has not begun")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response attendance(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TraineeProgress.Attendance request) {
        Map<Integer, Boolean> attended = new LinkedHashMap<>();
        request.modules().forEach(module -> {
            if (attended.put(module.position(), module.attended()) != null) {
                throw InvalidRequest.inBody("modules", "module " + module.position() + " is given twice");
            }
        });
        Trainee trainee = service.attendance(id, traineeId, ifMatch, attended, this::requireWrite);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    @POST
    @Path(TRAINEE + "/completion")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Record that a trainee completed the programme; their mentoring ends")
    @APIResponse(responseCode = "200", description = "The trainee", content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    @APIResponse(responseCode = "409", description = "The trainee has finished already")
    @APIResponse(responseCode = "412", description = "The trainee changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "Before the programme's last week")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response complete(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Trainee trainee = service.complete(id, traineeId, ifMatch, this::requireWrite);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    @POST
    @Path(TRAINEE + "/withdrawal")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Record that a trainee withdrew, with a reason category only; their mentoring ends")
    @APIResponse(responseCode = "200", description = "The trainee", content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid reason, or a field the API does not have")
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    @APIResponse(responseCode = "409", description = "The trainee has finished already")
    @APIResponse(responseCode = "412", description = "The trainee changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response withdraw(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TraineeProgress.Withdrawal request) {
        Trainee trainee = service.withdraw(id, traineeId, ifMatch, request.reason(), this::requireWrite);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    @PUT
    @Path(TRAINEE + "/post")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Link the post a trainee was recruited into")
    @APIResponse(responseCode = "200", description = "The trainee", content = @Content(schema = @Schema(implementation = TraineeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such cohort or trainee")
    @APIResponse(responseCode = "412", description = "The trainee changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "No such post of the cohort's organisation")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response recruited(@PathParam("id") UUID id, @PathParam("traineeId") UUID traineeId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid TraineeProgress.Recruitment request) {
        Trainee trainee = service.recruited(id, traineeId, ifMatch, request.postId(), this::requireWrite);
        return ETags.ok(TraineeResponse.of(trainee), trainee.version());
    }

    private void requireWrite(TrainingCohort cohort) {
        scope.requireWrite(DataClass.PERSON_LEVEL, cohort.organisationCode());
    }
}
