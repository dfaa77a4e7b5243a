package uk.org.lxp.payequity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.http.Violation;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.RoleBand;
import uk.org.lxp.payequity.RoleFamily;
import uk.org.lxp.payequity.RoleLevel;
import uk.org.lxp.payequity.service.BenchmarkService.Scope;
import uk.org.lxp.payequity.service.BenchmarkService.ScopeLevel;
import uk.org.lxp.payequity.service.BenchmarkService;

@Path("/api/v1/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmarks", description = "LXP pay by cohort and scope, and its gap to a comparator staff group")
@SecurityRequirement(name = "keycloak")
public class BenchmarkResource {

    private final BenchmarkService service;
    private final CallerScope scope;

    BenchmarkResource(BenchmarkService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Benchmark an LXP cohort in an organisation, an ICB or nationally",
            description = "Headcount, FTE, band distribution, FTE-annualised pay percentiles and mean, shares of fixed-term,"
                    + " sessional, unpaid and Band 7+ posts, and the mean and median hourly gap to a comparator staff group"
                    + " with quartile composition. Cohorts of fewer than 5 people are suppressed for everyone but lxp-admin."
                    + " An organisation's figures are for those who act for it and its ICB's analysts; an ICB's for its"
                    + " analysts and its members; the nation's for everyone. An ICB's or the nation's benchmark is"
                    + " computed at most once every 30 seconds (by default) for the same question and served until then"
                    + " (computedAt); an organisation's on every reading.")
    @APIResponse(responseCode = "200", description = "The benchmark, or a suppressed one")
    @APIResponse(responseCode = "400", description = "Both organisation and icb given, or a malformed filter")
    @APIResponse(responseCode = "403", description = "A scope outside the token's organisation or ICB")
    @APIResponse(responseCode = "422", description = "An unknown organisation or ICB, or a pay year not yet begun")
    public BenchmarkService.Benchmark benchmark(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @Parameter(description = "ODS code of an ICB; neither organisation nor icb means national") @QueryParam("icb")
            @OdsCode String icb,
            @Parameter(description = "Role family") @QueryParam("family") RoleFamily family,
            @Parameter(description = "Role level") @QueryParam("level") RoleLevel level,
            @Parameter(description = "Exact role title, any case") @QueryParam("title") @Size(max = 200) String title,
            @Parameter(description = "The roles' band") @QueryParam("band") RoleBand band,
            @Parameter(description = "The pay year, from 1 April to 31 March", required = true, example = "2026-27",
                    schema = @Schema(type = SchemaType.STRING, pattern = PayYear.FORM)) @QueryParam("payYear") @NotNull String payYear,
            @Parameter(description = "NHS staff group of the comparators") @QueryParam("comparatorStaffGroup") @DefaultValue("07")
            @Pattern(regexp = "0[1-9]|10", message = "must be a staff group code 01 to 10") String comparatorStaffGroup) {
        scope.requireReadableAggregate(organisation, icb);
        PayYear year = PayScaleResource.parse(payYear, Violation::query, "payYear");
        Scope reach = organisation != null ? new Scope(ScopeLevel.ORGANISATION, organisation)
                : icb != null ? new Scope(ScopeLevel.ICB, icb) : new Scope(ScopeLevel.NATIONAL, null);
        BenchmarkService.Cohort cohort = new BenchmarkService.Cohort(family, level, title, band);
        return reach.level() == ScopeLevel.ORGANISATION
                ? service.benchmark(reach, cohort, year, comparatorStaffGroup, scope.seesSmallCohorts(), scope.today())
                : service.acrossOrganisations(reach, cohort, year, comparatorStaffGroup, scope.seesSmallCohorts(),
                        scope.today());
    }
}
