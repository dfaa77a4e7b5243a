package uk.org.lxp.gateway.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import uk.org.lxp.gateway.service.ApiDocuments;
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
    public Uni<String> mergedOpenApi() {
        return documents.mergedOpenApi().map(Object::toString);
    }

    @GET
    @Path("openapi/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One service's OpenAPI document, with the gateway as its server")
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
