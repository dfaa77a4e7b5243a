package uk.org.lxp.roles.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Visibility;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.roles.FieldInvalid;
import uk.org.lxp.roles.FundingApplication;
import uk.org.lxp.roles.FundingProgramme;
import uk.org.lxp.roles.PayBand;
import uk.org.lxp.roles.ProgrammeUptake;
import uk.org.lxp.roles.RoleFamily;
import uk.org.lxp.roles.RoleLevel;
import uk.org.lxp.roles.service.FundingProgrammeService;

@Path("/api/v1/funding-programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding programmes", description = "National offers of funding for LXP posts and each organisation's answer")
@SecurityRequirement(name = "keycloak")
public class FundingProgrammeResource {

    private final FundingProgrammeService service;
    private final CallerScope scope;

    FundingProgrammeResource(FundingProgrammeService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @Schema(name = "FundingProgrammeRequest")
    public record ProgrammeRequest(
            @Schema(example = "Band 7 lived experience leadership offer (2020)") @NotBlank @Size(max = 200) String name,
            @Schema(example = "NHS England") @NotBlank @Size(max = 200) String funder,
            @Schema(example = "2020-12-01") @NotNull LocalDate offeredOn,
            @Schema(example = "2020-12-01") @NotNull LocalDate applicationsOpen,
            @Schema(example = "2021-01-15") @NotNull LocalDate applicationsClose,
            @Schema(example = "BAND_7") @NotNull PayBand fundedBand,
            @Schema(example = "LIVED_EXPERIENCE_LEADERSHIP") @NotNull RoleFamily family,
            @Schema(example = "LEAD_OR_ADVANCED") @NotNull RoleLevel level,
            @Schema(example = "1") @NotNull @Min(1) @Max(100) Integer postsPerOrganisation,
            @Schema(example = "60000.00", nullable = true) @DecimalMin("0") @DecimalMax("10000000")
            @Digits(integer = 8, fraction = 2) BigDecimal amountPerOrganisationGbp,
            @Schema(description = "ODS codes of the organisations that may apply", example = "[\"RGD\", \"RXG\"]")
            @NotEmpty @Size(max = FundingProgramme.MOST_ELIGIBLE) Set<@NotNull @OdsCode String> eligibleOrganisations) {

        FundingProgramme.Terms terms() {
            try {
                return new FundingProgramme.Terms(name.trim(), funder.trim(), offeredOn, applicationsOpen,
                        applicationsClose, fundedBand, family, level, postsPerOrganisation, amountPerOrganisationGbp,
                        eligibleOrganisations);
            } catch (FieldInvalid invalid) {
                throw InvalidRequest.inBody(invalid.field(), invalid.getMessage());
            }
        }
    }

    @Schema(name = "FundingProgramme")
    public record ProgrammeResponse(UUID id, @Schema(example = "Band 7 lived experience leadership offer (2020)") String name,
            @Schema(example = "NHS England") String funder, LocalDate offeredOn, LocalDate applicationsOpen,
            LocalDate applicationsClose, @Schema(example = "BAND_7") PayBand fundedBand,
            @Schema(example = "LIVED_EXPERIENCE_LEADERSHIP") RoleFamily family,
            @Schema(example = "LEAD_OR_ADVANCED") RoleLevel level, @Schema(example = "1") int postsPerOrganisation,
            @Schema(nullable = true, example = "60000.00") BigDecimal amountPerOrganisationGbp,
            List<String> eligibleOrganisations, @Schema(description = "Also the ETag", example = "0") int version) {

        static ProgrammeResponse of(FundingProgramme p) {
            return new ProgrammeResponse(p.id(), p.name(), p.funder(), p.offeredOn(), p.applicationsOpen(),
                    p.applicationsClose(), p.fundedBand(), p.family(), p.level(), p.postsPerOrganisation(),
                    p.amountPerOrganisationGbp(), p.eligibleOrganisations().stream().sorted().toList(), p.version());
        }
    }

    @Schema(name = "FundingApplicationRequest", description = "The organisation's next step, on a day")
    public record ApplicationRequest(
            @Schema(example = "NOT_APPLIED") @NotNull FundingApplication.State state,
            @Schema(example = "2021-01-10") @NotNull LocalDate on,
            @Schema(description = "Why the organisation did not apply; for NOT_APPLIED only, at least one",
                    nullable = true, example = "[\"SHORT_TIMESCALES\"]") @Size(max = 6) Set<FundingApplication.@NotNull NotApplyingReason> reasons,
            @Schema(description = "Needed with OTHER; free text about the organisation, never about a person",
                    nullable = true, example = "The board met after the window closed") @Size(max = 500) String reasonText) {

        FundingApplication.Step step() {
            try {
                return new FundingApplication.Step(state, on, reasons, reasonText == null ? null : reasonText.trim());
            } catch (FieldInvalid invalid) {
                throw InvalidRequest.inBody(invalid.field(), invalid.getMessage());
            }
        }
    }

    @Schema(name = "FundingApplication", description = "An eligible organisation's answer to a programme; state null while"
            + " it has recorded none")
    public record ApplicationResponse(UUID programmeId, @Schema(example = "RGD") String organisationCode,
            @Schema(nullable = true, example = "SUCCESSFUL") FundingApplication.State state,
            @Schema(nullable = true) LocalDate decidedNotToApplyOn, @Schema(nullable = true) LocalDate appliedOn,
            @Schema(nullable = true, description = "When the funder decided: the award's day if successful") LocalDate decidedOn,
            @Schema(nullable = true) LocalDate withdrawnOn,
            @Schema(description = "Why it did not apply") List<FundingApplication.NotApplyingReason> reasons,
            @Schema(nullable = true) String reasonText,
            @Schema(nullable = true, description = "Also the ETag; null while none is recorded", example = "2") Integer version,
            @Schema(nullable = true) Instant updatedAt) {

        static ApplicationResponse of(FundingApplication a) {
            return new ApplicationResponse(a.programmeId(), a.organisation(), a.state(), a.decidedNotToApplyOn(),
                    a.appliedOn(), a.decidedOn(), a.withdrawnOn(), a.reasons().stream().sorted().toList(), a.reasonText(),
                    a.version(), a.updatedAt());
        }

        static ApplicationResponse none(UUID programme, String organisation) {
            return new ApplicationResponse(programme, organisation, null, null, null, null, null, List.of(), null, null,
                    null);
        }
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Record a national funding programme for LXP posts")
    @APIResponse(responseCode = "201", description = "Recorded; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid programme, e.g. a window that closes before it opens")
    @APIResponse(responseCode = "409", description = "A programme of that name exists")
    @APIResponse(responseCode = "422", description = "Eligible organisations that are not known")
    public Response create(@NotNull @Valid ProgrammeRequest request) {
        FundingProgramme programme = service.create(request.terms());
        return ETags.created(URI.create("/api/v1/funding-programmes/" + programme.id()), ProgrammeResponse.of(programme),
                programme.version());
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "Every funding programme, most recently offered first")
    @APIResponse(responseCode = "200", description = "The programmes")
    public List<ProgrammeResponse> list() {
        return service.all().stream().map(ProgrammeResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "One funding programme")
    @APIResponse(responseCode = "200", description = "The programme; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "No such programme")
    public Response get(@PathParam("id") UUID id) {
        FundingProgramme programme = service.load(id);
        return ETags.ok(ProgrammeResponse.of(programme), programme.version());
    }

    @GET
    @Path("/{id}/applications")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD})
    @Operation(summary = "The answers of the eligible organisations the caller reaches, by organisation",
            description = "HR clients and leads see their own organisations', ICS analysts their ICB's, lxp-admin all;"
                    + " an eligible organisation that has recorded nothing shows with state null.")
    @APIResponse(responseCode = "200", description = "The applications")
    @APIResponse(responseCode = "404", description = "No such programme")
    public List<ApplicationResponse> applications(@PathParam("id") UUID id) {
        FundingProgramme programme = service.load(id);
        Visibility visible = scope.readable(DataClass.PERSON_LEVEL);
        Map<String, FundingApplication> recorded = service.applications(id).stream()
                .collect(Collectors.toMap(FundingApplication::organisation, Function.identity()));
        return programme.eligibleOrganisations().stream().filter(visible::covers).sorted(Comparator.naturalOrder())
                .map(organisation -> recorded.containsKey(organisation) ? ApplicationResponse.of(recorded.get(organisation))
                        : ApplicationResponse.none(id, organisation))
                .toList();
    }

    @Schema(name = "FundingProgrammeUptake", description = "How one eligible organisation took up the programme")
    public record UptakeResponse(@Schema(example = "RGD") String organisationCode,
            @Schema(nullable = true, description = "Null while it has recorded no answer", example = "SUCCESSFUL")
            FundingApplication.State state,
            @Schema(nullable = true, example = "2021-02-10") LocalDate awardedOn,
            @Schema(description = "Posts its award funds now (0 without one)", example = "1") int postsFunded,
            @Schema(description = "Posts naming the programme, whatever their status", example = "1") int postsCreated,
            @Schema(example = "0") int vacant, @Schema(example = "1") int filled, @Schema(example = "0") int frozen,
            @Schema(example = "0") int closed,
            @Schema(nullable = true, description = "Days from the award to the first of its posts filled (by the holder's"
                    + " start day; negative when the holder started before the award); null while none is filled or no"
                    + " start day is known, and for callers who do not see the organisation's staff references (ICS"
                    + " analysts), since with the award's day it gives a holder's start day", example = "142")
            Integer daysFromAwardToFilled) {

        UptakeResponse withoutDaysToFill() {
            return new UptakeResponse(organisationCode, state, awardedOn, postsFunded, postsCreated, vacant, filled, frozen,
                    closed, null);
        }

        static UptakeResponse of(ProgrammeUptake u) {
            return new UptakeResponse(u.organisation(), u.state(), u.awardedOn(), u.postsFunded(), u.postsCreated(),
                    u.vacant(), u.filled(), u.frozen(), u.closed(), u.daysFromAwardToFilled());
        }
    }

    @GET
    @Path("/{id}/uptake")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD})
    @Operation(summary = "Whether the posts the programme funds exist: each eligible organisation's answer, the posts its"
            + " award funds, the posts naming the programme by status, and the days from award to a filled post",
            description = "For the eligible organisations the caller reaches, as for the applications.")
    @APIResponse(responseCode = "200", description = "The uptake by organisation")
    @APIResponse(responseCode = "404", description = "No such programme")
    public List<UptakeResponse> uptake(@PathParam("id") UUID id) {
        FundingProgramme programme = service.load(id);
        Visibility visible = scope.readable(DataClass.PERSON_LEVEL);
        List<String> organisations = programme.eligibleOrganisations().stream().filter(visible::covers).sorted().toList();
        // For one post, the award's day and the days to fill it give the holder's start day, which only those who see
        // staff references see.
        return service.uptake(programme, organisations).stream().map(UptakeResponse::of)
                .map(row -> visible.staffReferencesIn(row.organisationCode()) ? row : row.withoutDaysToFill()).toList();
    }

    @PUT
    @Path("/{id}/applications/{odsCode}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD})
    @Operation(summary = "Record an organisation's next step: not applying (with reasons), applying, the funder's"
            + " decision, or withdrawing",
            description = "The first step is NOT_APPLIED or APPLIED and needs no If-Match; every later step needs the"
                    + " version read. NOT_APPLIED may become APPLIED; APPLIED becomes SUCCESSFUL, DECLINED or"
                    + " WITHDRAWN; SUCCESSFUL may become WITHDRAWN (the award handed back); the rest are final.")
    @APIResponse(responseCode = "200", description = "Recorded; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid step, e.g. no reason for not applying, reasons with another"
            + " state, OTHER without its text")
    @APIResponse(responseCode = "403", description = "Another organisation")
    @APIResponse(responseCode = "404", description = "No such programme")
    @APIResponse(responseCode = "409", description = "A step that cannot follow the one recorded, or a first step other"
            + " than NOT_APPLIED or APPLIED")
    @APIResponse(responseCode = "412", description = "The application changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "An organisation not eligible or not known, a day in the future,"
            + " before the offer or the last step (a decision not to apply included), or an application outside the window")
    @APIResponse(responseCode = "428", description = "If-Match is missing for a later step")
    public Response record(@PathParam("id") UUID id, @PathParam("odsCode") @OdsCode String odsCode,
            @Parameter(description = "The application's current ETag; not sent with its first step", required = false)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ApplicationRequest request) {
        FundingApplication.Step step = request.step();
        scope.requireKnownOrganisation(odsCode, "odsCode");
        scope.requireWrite(DataClass.PERSON_LEVEL, odsCode);
        FundingApplication application = service.record(id, odsCode, ifMatch, step);
        return ETags.ok(ApplicationResponse.of(application), application.version());
    }
}
