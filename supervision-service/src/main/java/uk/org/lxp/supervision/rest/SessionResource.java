package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.repository.SessionRepository;
import uk.org.lxp.supervision.service.SessionService;

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Supervision sessions: when they are and what became of them, never what was said")
@SecurityRequirement(name = "keycloak")
public class SessionResource {

    private final SessionService service;
    private final SessionRepository repository;
    private final IdempotentRequests idempotency;
    private final SupervisionReach reach;

    SessionResource(SessionService service, SessionRepository repository, IdempotentRequests idempotency,
            SupervisionReach reach) {
        this.service = service;
        this.repository = repository;
        this.idempotency = idempotency;
        this.reach = reach;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "List one organisation's sessions in the order of their series",
            description = "A supervisor sees the sessions it supervises (and its own as supervisee); a practitioner its own.")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(responseCode = "400", description = "Missing organisation, invalid filter or paging")
    @APIResponse(responseCode = "422", description = "A window whose end is before its start")
    @OneSnapshot
    public Page<SessionResponse> list(
            @Parameter(description = "ODS code of the supervisees' organisation", required = true)
            @QueryParam("organisation") @NotNull @OdsCode String organisation,
            @Parameter(description = "Only this agreement's") @QueryParam("agreement") UUID agreement,
            @Parameter(description = "Only this supervisee's") @QueryParam("supervisee") @StaffReference String supervisee,
            @Parameter(description = "Only this supervisor's") @QueryParam("supervisorId") UUID supervisorId,
            @QueryParam("status") SessionStatus status,
            @Parameter(description = "Sessions starting on or after this day (England)", example = "2027-01-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Sessions starting on or before this day (England)", example = "2027-03-31")
            @QueryParam("to") LocalDate to,
            @Valid @BeanParam Paging paging) {
        if (from != null && to != null && to.isBefore(from)) {
            throw RuleBroken.inQuery("to", "The window ends (" + to + ") before it starts (" + from + ")");
        }
        var filter = new SessionRepository.Filter(organisation, agreement, supervisee, supervisorId, status,
                from == null ? null : startOf(from), to == null ? null : startOf(to.plusDays(1)),
                reach.readable(organisation));
        var items = repository.list(filter, paging).stream().map(SessionResponse::of).toList();
        return Page.of(items, paging, repository.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "Read one session")
    @APIResponse(responseCode = "200", description = "The session; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    public Response get(@PathParam("id") UUID id) {
        SupervisionSession session = service.load(id);
        reach.requireRead(session.organisationCode(), session.superviseeStaffReference(), session.supervisorId());
        return ETags.ok(SessionResponse.of(session), session.version());
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "Record what became of a session: held (with attendance), cancelled (by whom, why) or missed",
            description = "Held and missed are recorded once the session has begun; a session can be cancelled ahead."
                    + " A supervisor records its own supervisees' sessions.")
    @APIResponse(responseCode = "200", description = "The session; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid outcome, or a field the API does not have (no notes are kept)")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The session's outcome is recorded already")
    @APIResponse(responseCode = "412", description = "The session changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "Held or missed recorded before the session began")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response recordOutcome(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid OutcomeRequest request) {
        SupervisionSession session = service.record(id, ifMatch, BulkItems.readOne(request, OutcomeRequest::toOutcome),
                existing -> reach.requireWrite(existing.organisationCode(), existing.supervisorId()));
        return ETags.ok(SessionResponse.of(session), session.version());
    }

    @POST
    @Path("/outcomes/bulk")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Record what became of many sessions, all or nothing (e.g. an HR system's history)",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and"
                    + " records nothing more.")
    @APIResponse(responseCode = "200", description = "How many outcomes were recorded",
            content = @Content(schema = @Schema(implementation = SessionService.OutcomesResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid outcomes (field paths name the item) or a missing Idempotency-Key")
    @APIResponse(responseCode = "409", description = "A session's outcome is recorded already, or the same"
            + " Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "An unknown session, held or missed recorded before the session"
            + " began, or the Idempotency-Key used before for a different request")
    public Response recordOutcomes(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid SessionOutcomesRequest request) {
        var outcomes = BulkItems.read(request.outcomes(), "outcomes",
                (index, item) -> new SessionService.SessionOutcome(item.sessionId(), item.outcome().toOutcome()));
        return idempotency.once(idempotencyKey, "/api/v1/sessions/outcomes/bulk", request,
                () -> service.recordAll(outcomes, session -> reach.requireWrite(session.organisationCode(), session.supervisorId())));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.SUPERVISOR})
    @Operation(summary = "Move one session; the rest of its series is not touched",
            description = "Refused, with the reason, on a bank holiday, outside either person's working days or hours,"
                    + " on a day either is away, or clashing with another session of either. The calendar feed shows"
                    + " the same event moved (same UID, higher SEQUENCE).")
    @APIResponse(responseCode = "200", description = "The moved session; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The session's outcome is recorded already")
    @APIResponse(responseCode = "412", description = "The session changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "The new time is not free, with the reason")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RescheduleRequest request) {
        SupervisionSession session = service.reschedule(id, ifMatch, request.start(),
                existing -> reach.requireWrite(existing.organisationCode(), existing.supervisorId()));
        return ETags.ok(SessionResponse.of(session), session.version());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Today.ENGLAND).toInstant();
    }
}
