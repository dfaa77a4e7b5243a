package uk.org.lxp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.RepeatedTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi31;
import com.networknt.schema.keyword.AnnotationKeyword;

/** Repeated, because the bad values are drawn afresh each time: every one of them must break the schema. */
class SchemaViolationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shapes the services' documents use: references, "this or null", enums, patterns, bounds, nested lists. */
    private static final String DOCUMENT = """
            {"components": {"schemas": {
              "Batch": {"type": "object", "additionalProperties": false, "required": ["organisationCode", "posts"],
                "properties": {
                  "organisationCode": {"type": "string", "pattern": "^[A-Z0-9]{3,10}$", "examples": ["RGD"]},
                  "posts": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Post"}}}},
              "Post": {"type": "object", "additionalProperties": false, "required": ["postReference", "fte", "status"],
                "properties": {
                  "postReference": {"type": "string", "maxLength": 64, "examples": ["RGD-PSW-001"]},
                  "fte": {"type": "number", "minimum": 0.01, "maximum": 1.5, "examples": [0.8]},
                  "sessions": {"type": ["integer", "null"], "format": "int32", "minimum": 0, "maximum": 10},
                  "status": {"$ref": "#/components/schemas/PostStatus"},
                  "holderSince": {"type": ["string", "null"],
                    "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
                  "roleProfileId": {"type": "string", "format": "uuid"},
                  "permanent": {"type": "boolean"},
                  "funding": {"type": "object", "additionalProperties": false, "required": ["kind"],
                    "properties": {"kind": {"type": "string", "enum": ["RECURRENT", "FIXED_TERM"]},
                                   "endDate": {"type": "string", "format": "date"}}}}},
              "PostStatus": {"type": "string", "enum": ["FILLED", "VACANT"]}}}}
            """;

    @RepeatedTest(10)
    void theValidBodySatisfiesTheSchemaAndEveryCaseBreaksItWhereItSays() throws Exception {
        JsonNode document = JSON.readTree(DOCUMENT);
        JsonNode batch = JSON.readTree("{\"$ref\": \"#/components/schemas/Batch\"}");
        Schema schema = compile(document, batch);

        assertThat(schema.validate(SchemaViolations.validBody(document, batch))).isEmpty();
        List<SchemaViolations.Case> cases = SchemaViolations.of(document, batch);
        assertThat(cases).extracting(SchemaViolations.Case::field).contains("organisationCode", "posts",
                "posts[0].fte", "posts[0].status", "posts[0].holderSince", "posts[0].sessions", "posts[0].funding.kind",
                "posts[0].funding.endDate", "posts[0].unexpectedField", "unexpectedField", "id", "version", "createdAt");
        for (SchemaViolations.Case bad : cases) {
            assertThat(schema.validate(JSON.readTree(bad.body()))).as(bad.toString()).isNotEmpty();
        }
    }

    private static Schema compile(JsonNode document, JsonNode schema) {
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                Dialect.builder(OpenApi31.getInstance()).keyword(new AnnotationKeyword("components")).build(),
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        return registry.getSchema(SchemaLocation.of("urn:lxp:test:" + UUID.randomUUID()), root);
    }
}
