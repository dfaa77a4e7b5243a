package uk.org.lxp.api.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import uk.org.lxp.http.Problem;

/**
 * Documents what every operation shares, so that resources name only what is their own: the problem document
 * (the body of every error response), and the 401 and 403 every secured operation can answer.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "ProblemViolation";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "No bearer token, or one that is expired or not issued for this API");
            addIfMissing(responses, "403", "The token's role or organisation scope does not allow this");
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                entry.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(VIOLATION, violation());
        components.addSchema(PROBLEM, problem());
        openAPI.setComponents(components);
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Schema problem() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem document: what went wrong, and which fields are at fault."
                        + " Clients tell kinds of failure apart by type, never by the text.")
                .required(List.of("type", "title", "status", "detail", "instance", "requestId", "violations"))
                .addProperty("type", text("The kind of failure, one of the paths listed in docs/api-conventions.md",
                        "/problems/rule-broken").format("uri-reference"))
                .addProperty("title", text("The kind of failure in words", "Rule broken"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                        .description("The HTTP status").example(422))
                .addProperty("detail", text("What went wrong with this request",
                        "Role profile 5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10 is retired and cannot have posts"))
                .addProperty("instance", text("The path of the request", "/api/v1/posts/bulk").format("uri-reference"))
                .addProperty("requestId", text("The X-Request-Id under which the gateway and the service logged the request",
                        "6b0f8e3c-3a51-4f0e-9a3e-2f9d8c1b7a42"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("The fields at fault; empty when no one field is")
                        .items(OASFactory.createSchema().ref(VIOLATION)));
    }

    private static Schema violation() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A field of the request that is at fault")
                .required(List.of("field", "in", "message"))
                .addProperty("field", text("The parameter or header name, or the JSON path of a body field", "posts[3].fte"))
                .addProperty("in", text("Where the field is", "body").enumeration(List.of("body", "query", "path", "header")))
                .addProperty("message", text("What is wrong, in words a person can act on", "must be above 0 and at most 1"));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description).example(example);
    }
}
