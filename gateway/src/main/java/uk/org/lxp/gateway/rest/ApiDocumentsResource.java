package uk.org.lxp.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import uk.org.lxp.gateway.service.ApiDocuments;
import uk.org.lxp.http.Problem;
import uk.org.lxp.http.problems.NotFound;
import uk.org.lxp.http.problems.Unavailable;

/** The suite's API documents, served without a token so that integrators can read them before they have one. */
@Path("/")
@PermitAll
@Tag(name = "API documents")
public class ApiDocumentsResource {

    private static final String YAML = "application/yaml";

    private final ApiDocuments documents;

    ApiDocumentsResource(ApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Path("openapi")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The whole public API in one OpenAPI document, with the gateway as its server")
    @APIResponse(responseCode = "200", description = "An OpenAPI 3.1 document; a service that did not answer is"
            + " listed under x-lxp-unavailable-services", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "An OpenAPI 3.1 document")))
    @APIResponse(responseCode = "400", description = "flow is not an OAuth 2 flow the suite uses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<String> mergedOpenApi(@QueryParam("flow") @Parameter(description = "Keep only this OAuth 2 flow in the"
            + " security scheme; Swagger UI asks for authorizationCode, the one flow a person signs in with")
            SignInFlow flow) {
        return documents.mergedOpenApi().map(document -> (flow == null ? document : ApiDocuments.withOnlyFlow(document,
                flow.name())).toString());
    }

    /** The OAuth 2 flows the suite's documents describe. */
    public enum SignInFlow {
        authorizationCode, clientCredentials
    }

    @GET
    @Path("openapi/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One service's OpenAPI document, with the gateway as its server")
    @APIResponse(responseCode = "200", description = "An OpenAPI 3.1 document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No service of that name is behind the gateway",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The service did not provide its document in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<String> serviceOpenApi(@PathParam("service") String service) {
        if (!documents.knows(service)) {
            throw new NotFound("No service called " + service + " is behind this gateway");
        }
        return documents.openApi(service).map(document -> {
            if (document == null) {
                throw new Unavailable(service + " did not provide its API document");
            }
            return document.toString();
        });
    }

    @GET
    @Path("asyncapi")
    @Produces(YAML)
    @Operation(summary = "The event catalogue: every topic and event type as one AsyncAPI 3.0 document")
    public Uni<String> asyncApi() {
        return documents.mergedAsyncApi().map(documents::toYaml);
    }

    @GET
    @Path("asyncapi.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The event catalogue as a readable page")
    public Uni<String> asyncApiPage() {
        return documents.mergedAsyncApi().map(EventCataloguePage::render);
    }
}
