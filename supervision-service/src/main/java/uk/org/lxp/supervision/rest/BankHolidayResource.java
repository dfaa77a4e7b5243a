package uk.org.lxp.supervision.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.Roles;
import uk.org.lxp.supervision.BankHoliday;
import uk.org.lxp.supervision.repository.BankHolidayRepository;
import uk.org.lxp.supervision.service.BankHolidayService;

@Path("/api/v1/bank-holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bank holidays", description = "England and Wales bank holidays the planner keeps sessions off")
@SecurityRequirement(name = "keycloak")
public class BankHolidayResource {

    private final BankHolidayService service;
    private final BankHolidayRepository repository;

    BankHolidayResource(BankHolidayService service, BankHolidayRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR,
            Roles.PRACTITIONER})
    @Operation(summary = "List the bank holidays of a year, or every one known")
    @APIResponse(responseCode = "200", description = "The holidays in date order",
            content = @Content(schema = @Schema(implementation = BankHolidayResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid year")
    public List<BankHolidayResponse> list(
            @Parameter(description = "Only this year's", example = "2027") @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        List<BankHoliday> holidays = year == null ? repository.listAll(Sort.by("day"))
                : repository.list("year(day) = ?1", Sort.by("day"), year);
        return holidays.stream().map(BankHolidayResponse::of).toList();
    }

    @POST
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Add a one-off bank holiday; the sessions planned on it move within their week",
            description = "A session whose week has no other time both people can meet is left unscheduled, with the reason.")
    @APIResponse(responseCode = "201", description = "Added; how many sessions moved and how many could not",
            content = @Content(schema = @Schema(implementation = BankHolidayAdded.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "409", description = "The day is a bank holiday already")
    public Response add(@NotNull @Valid BankHolidayRequest request) {
        BankHolidayService.Added added = service.addOneOff(new BankHoliday(request.day(), request.name().strip(), true));
        return Response.created(URI.create("/api/v1/bank-holidays?year=" + request.day().getYear()))
                .entity(BankHolidayAdded.of(added)).build();
    }
}
