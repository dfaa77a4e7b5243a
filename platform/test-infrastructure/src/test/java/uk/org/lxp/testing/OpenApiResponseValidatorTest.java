package uk.org.lxp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OpenApiResponseValidatorTest {

    private static final String JSON = "application/json";

    private final OpenApiResponseValidator.ApiDocument document = new OpenApiResponseValidator.ApiDocument(read("""
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/posts/{id}": {"get": {"responses": {
                 "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Post"}}}},
                 "404": {"content": {"application/problem+json": {"schema": {"type": "object", "required": ["status"]}}}}}}},
               "/api/v1/posts/bulk": {"get": {"responses": {"204": {"description": "none"}}}}},
             "components": {"schemas": {"Post": {"type": "object", "required": ["id", "status"], "properties": {
               "id": {"type": "string", "format": "uuid"},
               "status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
               "closedOn": {"type": ["string", "null"], "format": "date"}}}}}}
            """));

    @Test
    void anAnswerThatMatchesItsOperationPasses() {
        assertThat(document.faults("GET", "/api/v1/posts/5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10", 200, JSON + ";charset=UTF-8",
                "{\"id\": \"5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10\", \"status\": \"OPEN\", \"closedOn\": null}")).isEmpty();
        assertThat(document.faults("GET", "/api/v1/posts/x", 404, "application/problem+json", "{\"status\": 404}")).isEmpty();
    }

    @Test
    void aNullWhereTheSchemaAllowsNoneAnUnknownEnumValueAndABadFormatAreFaults() {
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON, "{\"id\": \"1\", \"status\": null, \"closedOn\": null}"))
                .anyMatch(fault -> fault.contains("/id")).anyMatch(fault -> fault.contains("/status"))
                .allMatch(fault -> fault.startsWith("/id") || fault.startsWith("/status"));
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON,
                "{\"id\": \"5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10\", \"status\": \"FILLED\", \"closedOn\": null}")).singleElement()
                .asString().contains("/status");
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON,
                "{\"id\": \"5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10\", \"status\": \"OPEN\", \"closedOn\": \"31/03/2027\"}"))
                .singleElement().asString().contains("/closedOn");
    }

    @Test
    void everyDeclaredPropertyMustBeInAnAnswerAndNoOtherOne() {
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON,
                "{\"id\": \"5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10\", \"status\": \"OPEN\"}")).singleElement().asString()
                .contains("closedOn");
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON,
                "{\"id\": \"5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10\", \"status\": \"OPEN\", \"closedOn\": null, \"closed\": null}"))
                .singleElement().asString().contains("closed");
    }

    @Test
    void anUndocumentedStatusMediaTypeOrBodyIsAFault() {
        assertThat(document.faults("GET", "/api/v1/posts/1", 500, JSON, "{}")).singleElement().asString()
                .contains("status 500 is not documented");
        assertThat(document.faults("GET", "/api/v1/posts/1", 404, "text/html", "<p>no</p>")).singleElement().asString()
                .contains("media type text/html");
        assertThat(document.faults("GET", "/api/v1/posts/bulk", 204, JSON, "{}")).singleElement().asString()
                .contains("declares none");
        assertThat(document.faults("GET", "/api/v1/posts/1", 200, JSON, "")).singleElement().asString()
                .contains("body is empty");
        assertThat(document.faults("DELETE", "/api/v1/posts/1", 204, JSON, "")).singleElement().asString()
                .contains("no DELETE operation");
        assertThat(document.faults("GET", "/api/v1/funding-programmes", 200, JSON, "{}")).singleElement().asString()
                .contains("no operation is documented at /api/v1/funding-programmes");
        assertThat(document.faults("GET", "/api/v1/posts/1", 404, null, "{}")).singleElement().asString()
                .contains("without a Content-Type");
    }

    @Test
    void aLiteralPathIsMatchedBeforeATemplateAndPathsOutsideTheDocumentPass() {
        assertThat(document.faults("GET", "/api/v1/posts/bulk", 204, JSON, "")).isEmpty();
        assertThat(document.faults("GET", "/q/health", 200, JSON, "{\"status\": \"UP\"}")).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
