package uk.org.lxp.payequity.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.payequity.ParityRules;
import uk.org.lxp.payequity.service.TransparencyService;
import uk.org.lxp.payequity.service.TransparencyService.OrganisationFigures;
import uk.org.lxp.payequity.service.TransparencyService.ProgrammeUptake;
import uk.org.lxp.payequity.service.TransparencyService.Report;

/**
 * The public transparency view, for anyone without a token, when a deployment switches it on
 * ({@code lxp.transparency.enabled}, off by default): JSON, CSV, and a plain HTML page, by the Accept header (a browser
 * asks for HTML first; a client that accepts anything gets JSON).
 */
@Path("/api/v1/transparency")
@Tag(name = "Transparency", description = "Public aggregates of every trust's LXP workforce, when switched on")
public class TransparencyResource {

    private static final String CACHE = "public, max-age=300";
    /** The format follows the Accept header, so a shared cache must keep one answer per Accept. */
    private static final String VARY = "Accept";
    private static final String TEXT_CSV = "text/csv";
    private static final List<String> BANDS = ParityRules.BANDS;

    private final TransparencyService service;
    private final boolean enabled;

    TransparencyResource(TransparencyService service,
            @ConfigProperty(name = "lxp.transparency.enabled") boolean enabled) {
        this.service = service;
        this.enabled = enabled;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, MediaType.TEXT_HTML})
    @Operation(summary = "Every trust's LXP workforce in aggregate, without a token, as JSON, CSV or an HTML page",
            description = "Whether each trust has an LXP post at Band 7 or above, its answer and posts for each funding"
                    + " programme, its band distribution and shares of fixed-term, sessional and unpaid posts (suppressed"
                    + " under 5 posts), and its open findings by rule. Never a staff or post reference. Refreshed every few"
                    + " minutes; rate-limited by address at the gateway. The format is the first of JSON, CSV and HTML the"
                    + " Accept header prefers; JSON for anything else.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    example = "ods_code,name,icb_code,lxp_post_at_band_7_or_above,...\nRGD,Leeds and York Partnership NHS Foundation Trust,QWO,yes,...")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "This deployment has not switched the public view on")
    public Response view(@Context HttpHeaders headers) {
        Report report = report();
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isWildcardType() || wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (wanted.isCompatible(MediaType.valueOf(TEXT_CSV))) {
                return csv(report);
            }
            if (wanted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return html(report);
            }
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", CACHE).header("Vary", VARY)
                .build();
    }

    private static Response csv(Report report) {
        List<String> programmes = programmes(report);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("ods_code", "name", "icb_code", "lxp_post_at_band_7_or_above",
                "suppressed", "open_lxp_posts"));
        BANDS.forEach(band -> header.add(band.toLowerCase()));
        header.addAll(List.of("fixed_term_percent", "sessional_percent", "unpaid_percent", "open_findings"));
        programmes.forEach(programme -> List.of("state", "posts_funded", "posts_created", "posts_filled")
                .forEach(column -> header.add(programme + " " + column)));
        csv.append(line(header));
        for (OrganisationFigures row : report.organisations()) {
            List<String> cells = new ArrayList<>(List.of(row.odsCode(), row.name(), text(row.icbCode()),
                    row.lxpPostAtBand7OrAbove() ? "yes" : "no", row.suppressed() ? "yes" : "no", text(row.openLxpPosts())));
            BANDS.forEach(band -> cells.add(row.bandDistribution() == null ? ""
                    : String.valueOf(row.bandDistribution().getOrDefault(band, 0))));
            cells.addAll(List.of(text(row.fixedTermPercent()), text(row.sessionalPercent()), text(row.unpaidPercent()),
                    row.openFindingsByRule() == null ? ""
                            : String.valueOf(row.openFindingsByRule().values().stream().mapToInt(Integer::intValue).sum())));
            for (String programme : programmes) {
                ProgrammeUptake uptake = uptakeOf(row, programme);
                cells.addAll(uptake == null ? List.of("", "", "", "") : List.of(text(uptake.state()),
                        String.valueOf(uptake.postsFunded()), text(uptake.postsCreated()), text(uptake.postsFilled())));
            }
            csv.append(line(cells));
        }
        return Response.ok(csv.toString()).type("text/csv; charset=utf-8").header("Cache-Control", CACHE)
                .header("Vary", VARY)
                .header("Content-Disposition", "inline; filename=\"lxp-transparency-" + report.asOf() + ".csv\"").build();
    }

    private static Response html(Report report) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Lived experience practitioner posts in NHS trusts</title>
                <style>body{font-family:sans-serif;margin:1rem;line-height:1.4}table{border-collapse:collapse}
                th,td{border:1px solid #555;padding:.3rem .5rem;text-align:left;vertical-align:top}
                caption{text-align:left;font-weight:bold;margin-bottom:.5rem}</style></head>
                <body><main>
                <h1>Lived experience practitioner posts in NHS trusts</h1>
                """);
        page.append("<p>Figures for ").append(report.asOf()).append(". Band distributions and shares are not shown for a")
                .append(" trust with fewer than 5 open posts. No person or post is identified.</p>\n")
                .append("<table><caption>LXP workforce by trust</caption><thead><tr>")
                .append("<th scope=\"col\">Trust</th><th scope=\"col\">ICB</th>")
                .append("<th scope=\"col\">LXP post at Band 7 or above</th><th scope=\"col\">Open LXP posts</th>")
                .append("<th scope=\"col\">Posts by band</th><th scope=\"col\">Fixed-term, sessional, unpaid</th>")
                .append("<th scope=\"col\">Funding programmes</th><th scope=\"col\">Open findings</th></tr></thead><tbody>\n");
        for (OrganisationFigures row : report.organisations()) {
            page.append("<tr><th scope=\"row\">").append(escape(row.name())).append(" (").append(escape(row.odsCode()))
                    .append(")</th><td>").append(escape(text(row.icbCode()))).append("</td><td>")
                    .append(row.lxpPostAtBand7OrAbove() ? "Yes" : "No").append("</td><td>")
                    .append(row.suppressed() ? "Fewer than 5" : row.openLxpPosts()).append("</td><td>")
                    .append(row.bandDistribution() == null ? "Not shown" : escape(row.bandDistribution().entrySet().stream()
                            .map(e -> e.getKey().replace("BAND_", "Band ") + ": " + e.getValue())
                            .collect(Collectors.joining(", "))))
                    .append("</td><td>").append(row.suppressed() ? "Not shown" : escape(text(row.fixedTermPercent()) + "%, "
                            + text(row.sessionalPercent()) + "%, " + text(row.unpaidPercent()) + "%"))
                    .append("</td><td>").append(escape(row.programmes().stream().map(u -> u.programme() + ": "
                            + (u.state() == null ? "no answer" : u.state().toLowerCase().replace('_', ' '))
                            + (u.postsCreated() == null ? "" : ", " + u.postsCreated() + " created, " + u.postsFilled()
                                    + " filled"))
                            .collect(Collectors.joining("; "))))
                    .append("</td><td>").append(row.openFindingsByRule() == null ? "Not shown"
                            : escape(row.openFindingsByRule().entrySet().stream()
                                    .map(e -> e.getKey().toLowerCase().replace('_', ' ') + ": " + e.getValue())
                                    .collect(Collectors.joining(", "))))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table>\n</main></body></html>\n");
        return Response.ok(page.toString()).type("text/html; charset=utf-8").header("Cache-Control", CACHE)
                .header("Vary", VARY).build();
    }

    private Report report() {
        if (!enabled) {
            throw new NotFound("This deployment does not publish the transparency view");
        }
        return service.report();
    }

    private static List<String> programmes(Report report) {
        return report.organisations().stream().flatMap(row -> row.programmes().stream()).map(ProgrammeUptake::programme)
                .distinct().sorted().toList();
    }

    private static ProgrammeUptake uptakeOf(OrganisationFigures row, String programme) {
        return row.programmes().stream().filter(u -> u.programme().equals(programme)).findFirst().orElse(null);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(TransparencyResource::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * A cell a spreadsheet reads as text: quoted where it holds a comma, quote or line break, and a leading =, +, - or @
     * (which would start a formula) escaped with an apostrophe.
     */
    private static String csvCell(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
