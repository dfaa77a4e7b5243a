package uk.org.lxp.payequity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
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
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.api.scope.Visibility;
import uk.org.lxp.http.Violation;
import uk.org.lxp.http.problems.InvalidRequest;
import uk.org.lxp.payequity.CostToClose.Move;
import uk.org.lxp.payequity.CostToClose.Target;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.service.CostToCloseService;

@Path("/api/v1/cost-to-close")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cost to close", description = "What it would cost each year to bring LXP posts up to a target band")
@SecurityRequirement(name = "keycloak")
public class CostToCloseResource {

    private final CostToCloseService service;
    private final CallerScope scope;

    CostToCloseResource(CostToCloseService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Cost the rises that bring an organisation's, an ICB's or the nation's LXP posts up to a target",
            description = "Every open post below the target (its role's evaluated band, its ICB's system pay standard,"
                    + " the median band of its organisation's comparator staff group 07, or for sessional posts a day rate"
                    + " worth the entry point of the role's band), priced on the pay year's scale: a salaried post at its"
                    + " band and point of that year with the change of its High Cost Area Supplement, other posts at"
                    + " their recorded rates, each at its FTE, employer on-costs on top (the configured rate unless the"
                    + " request gives one). Rises only, never a cut. With a budget, the money is spent deepest gap first,"
                    + " each post getting its whole cost or the cap, whichever is less, while it fits. Posts are listed"
                    + " only for organisations whose person-level data the caller may read; other organisations' figures"
                    + " appear only as totals, those of fewer than 5 posts suppressed (and the next smallest with them"
                    + " where the total would give them away).")
    @APIResponse(responseCode = "200", description = "The cost to close")
    @APIResponse(responseCode = "400", description = "Both organisation and icb, an unknown target or move, a negative"
            + " budget, a cap without a budget, or a next-point move with the sessional floor")
    @APIResponse(responseCode = "403", description = "A scope outside the token's organisation or ICB")
    @APIResponse(responseCode = "422", description = "An unknown organisation or ICB, a pay year not begun or without a scale")
    public CostToCloseService.Report costToClose(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @Parameter(description = "ODS code of an ICB; neither organisation nor icb means national") @QueryParam("icb")
            @OdsCode String icb,
            @Parameter(description = "What posts are brought up to", required = true) @QueryParam("target") @NotNull Target target,
            @Parameter(description = "Where in the target band a post lands") @QueryParam("move") @DefaultValue("ENTRY_POINT")
            Move move,
            @Parameter(description = "The pay year of today when absent", example = "2026-27",
                    schema = @Schema(type = SchemaType.STRING, pattern = PayYear.FORM)) @QueryParam("payYear") String payYear,
            @Parameter(description = "Employer on-costs as a percent of the rises; the configured rate when absent")
            @QueryParam("employerOnCostsPercent") @DecimalMin("0") @DecimalMax("60") @Digits(integer = 2, fraction = 2)
            BigDecimal employerOnCostsPercent,
            @Parameter(description = "Budget mode: the annual money to spend, on-costs included") @QueryParam("budget")
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal budget,
            @Parameter(description = "Budget mode: the most one post may get a year, on-costs included")
            @QueryParam("capPerPost") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
            @Digits(integer = 7, fraction = 2) BigDecimal capPerPost) {
        Reach reach = scope.requireReadableAggregate(organisation, icb);
        if (capPerPost != null && budget == null) {
            throw InvalidRequest.inQuery("capPerPost", "a cap per post needs a budget");
        }
        if (target == Target.SESSIONAL_DAY_RATE_FLOOR && move != Move.ENTRY_POINT) {
            throw InvalidRequest.inQuery("move", "the sessional floor raises day rates to the entry point's day rate");
        }
        PayYear year = payYear == null ? PayYear.containing(scope.today())
                : PayScaleResource.parse(payYear, Violation::query, "payYear");
        Visibility posts = scope.readable(DataClass.PERSON_LEVEL);
        return service.report(new CostToCloseService.Request(reach, target, move, year, employerOnCostsPercent, budget,
                capPerPost), new CostToCloseService.Viewer(posts::covers, scope.seesSmallCohorts()));
    }
}
