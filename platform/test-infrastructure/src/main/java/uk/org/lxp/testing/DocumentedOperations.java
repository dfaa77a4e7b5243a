package uk.org.lxp.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The operations an OpenAPI document describes, each with a concrete path whose parameters are filled in from their
 * schemas, so that a test can call every operation a service has, including ones added after the test was written.
 */
public final class DocumentedOperations {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Tried in turn for a text parameter with a pattern: an ODS code, a band, a pay year, a code. */
    private static final List<String> TEXT_CANDIDATES = List.of("RXT", "4", "2026-27", "PEER_SUPPORT", "rxt");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /**
     * One operation: its method, its path template, the template with every parameter filled in, the schema of its
     * JSON body (missing when it takes none), and its parameters as the document declares them.
     */
    public record Operation(String method, String template, String path, JsonNode bodySchema, boolean isPublic,
            JsonNode parameters) {

        public boolean takesBody() {
            return !bodySchema.isMissingNode();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private DocumentedOperations() {
    }

    /** Every operation of the document, in its order. */
    public static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    boolean isPublic = operation.has("security") && operation.path("security").isEmpty();
                    operations.add(new Operation(method.toUpperCase(), path.getKey(),
                            filled(path.getKey(), path.getValue(), operation),
                            operation.at("/requestBody/content/application~1json/schema"), isPublic,
                            operation.path("parameters")));
                }
            }
        }
        return operations;
    }

    /** The operations that need a token. */
    public static List<Operation> protectedOf(JsonNode document) {
        return of(document).stream().filter(operation -> !operation.isPublic()).toList();
    }

    private static String filled(String template, JsonNode pathItem, JsonNode operation) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            JsonNode schema = schemaOf(parameter.group(1), operation.path("parameters"));
            if (schema.isMissingNode()) {
                schema = schemaOf(parameter.group(1), pathItem.path("parameters"));
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(valueFor(schema)));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private static JsonNode schemaOf(String name, JsonNode parameters) {
        for (JsonNode parameter : parameters) {
            if (name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
                return parameter.path("schema");
            }
        }
        return MissingNode.getInstance();
    }

    /** A value the parameter's schema accepts: a fresh UUID, a number, the first enum value, or text its pattern takes. */
    private static String valueFor(JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        if ("integer".equals(schema.path("type").asText()) || "number".equals(schema.path("type").asText())) {
            return "1";
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.path("pattern").asText());
            return TEXT_CANDIDATES.stream().filter(candidate -> pattern.matcher(candidate).matches()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No test value matches " + pattern));
        }
        return TEXT_CANDIDATES.get(0);
    }
}
