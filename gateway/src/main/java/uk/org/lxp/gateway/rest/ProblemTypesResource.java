package uk.org.lxp.gateway.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.http.Problem;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.problems.NotFound;

/**
 * Where a problem document's {@code type} leads: what each kind of failure means and what a client does about it.
 * Served without a token, like the API documents.
 */
@Path("/problems")
@PermitAll
@Tag(name = "Problem types")
public class ProblemTypesResource {

    /** One kind of failure, as a client reads it. */
    public record Kind(String type, int status, String title, String meaning) {

        static Kind of(ProblemType type) {
            return new Kind(type.uri(), type.status(), type.title(), type.meaning());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every kind of failure the suite reports, with its status")
    public List<Kind> kinds() {
        return Arrays.stream(ProblemType.values()).map(Kind::of).toList();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Every kind of failure the suite reports, as a page")
    public String page() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>LXP Workforce Suite: problem types</title></head>
                <body><main><h1>Problem types</h1>
                <p>Every error response is an RFC 9457 problem document. Its <code>type</code> is one of these.</p>
                <table><thead><tr><th scope="col">type</th><th scope="col">status</th><th scope="col">title</th>
                <th scope="col">what it means</th></tr></thead><tbody>
                %s
                </tbody></table></main></body></html>
                """.formatted(Arrays.stream(ProblemType.values())
                .map(type -> "<tr id=\"%s\"><td><code>%s</code></td><td>%d</td><td>%s</td><td>%s</td></tr>"
                        .formatted(type.slug(), type.uri(), type.status(), type.title(), type.meaning()))
                .collect(Collectors.joining("\n")));
    }

    @GET
    @Path("/{kind}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One kind of failure")
    @APIResponse(responseCode = "200", description = "The kind of failure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Kind.class)))
    @APIResponse(responseCode = "404", description = "No problem type has that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Kind kind(@PathParam("kind") String kind) {
        return Arrays.stream(ProblemType.values()).filter(type -> type.slug().equals(kind)).findFirst().map(Kind::of)
                .orElseThrow(() -> new NotFound("No problem type " + kind));
    }
}
