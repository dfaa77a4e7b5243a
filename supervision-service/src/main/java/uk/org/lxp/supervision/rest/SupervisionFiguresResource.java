package uk.org.lxp.supervision.rest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.http.problems.RuleBroken;
import uk.org.lxp.supervision.service.SupervisionFigures;
import uk.org.lxp.supervision.service.SupervisionFigures.Level;
import uk.org.lxp.supervision.service.SupervisionFigures.Scope;

@Path("/api/v1/supervision-figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision figures", description = "Compliance, sessions, LXP supervision and the training programme, by"
        + " organisation, ICB or nationally; small cohorts suppressed")
@SecurityRequirement(name = "keycloak")
public class SupervisionFiguresResource {

    private static final int LONGEST_PERIOD_DAYS = 366;

    private final SupervisionFigures figures;
    private final CallerScope scope;

    SupervisionFiguresResource(SupervisionFigures figures, CallerScope scope) {
        this.figures = figures;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD, Roles.ICS_ANALYST, Roles.HR_INTEGRATION})
    @Operation(summary = "Supervision figures of an organisation, an ICB or England over a period",
            description = "Share of post holders compliant (none of their agreements overdue, no required supervision"
                    + " missing), overdue and unsupervised post holders and overdue agreements as they stand today;"
                    + " held, cancelled (by whom) and missed rates of the sessions due in the period; shares supervised"
                    + " by an LXP and by a more senior LXP; trainees who completed or withdrew in the period and"
                    + " mentoring held in the week it was due. An ICB's figures are its members' on the period's last"
                    + " day. Fewer than 5 people: suppressed for everyone but lxp-admin. An ICB's or England's figures"
                    + " are computed at most once every 30 seconds (by default) for the same question and served until then"
                    + " (computedAt); an organisation's on every reading.")
    @APIResponse(responseCode = "200", description = "The figures, or suppressed ones")
    @APIResponse(responseCode = "400", description = "Both organisation and icb given, or a malformed filter")
    @APIResponse(responseCode = "403", description = "A scope outside the token's organisation or ICB")
    @APIResponse(responseCode = "422", description = "An unknown organisation or ICB, or a period that ends before it starts"
            + " or is longer than a year")
    public SupervisionFigures.Figures figures(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @Parameter(description = "ODS code of an ICB; neither organisation nor icb means England") @QueryParam("icb")
            @OdsCode String icb,
            @Parameter(description = "First day of the period; 89 days before its last when left out", example = "2026-09-05")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day of the period; today when left out", example = "2026-12-03")
            @QueryParam("to") LocalDate to) {
        LocalDate last = to == null ? scope.today() : to;
        LocalDate first = from == null ? last.minusDays(SupervisionFigures.DEFAULT_DAYS - 1) : from;
        if (last.isBefore(first)) {
            throw RuleBroken.inQuery("to", "The period ends (" + last + ") before it starts (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= LONGEST_PERIOD_DAYS) {
            throw RuleBroken.inQuery("from", "A period is at most " + LONGEST_PERIOD_DAYS + " days");
        }
        scope.requireReadableAggregate(organisation, icb);
        Scope reach = organisation != null ? new Scope(Level.ORGANISATION, organisation)
                : icb != null ? new Scope(Level.ICB, icb) : new Scope(Level.NATIONAL, null);
        return reach.level() == Level.ORGANISATION ? figures.of(reach, first, last, scope.seesSmallCohorts(), scope.today())
                : figures.acrossOrganisations(reach, first, last, scope.seesSmallCohorts(), scope.today());
    }
}
