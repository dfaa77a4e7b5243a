package uk.org.lxp.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Request bodies that break their OpenAPI schema in exactly one place each, made from the document: a valid body is
 * built from the schema's examples, then one property at a time gets a value of the wrong type, an unknown enum value,
 * a string too long or not matching its pattern (injection strings among them), a number out of bounds or not a
 * number, a malformed date or identifier, null where it is required, or an unknown property beside it. The bad values
 * are drawn from jqwik's arbitraries, so each run tries different ones; a case names the value it sent.
 */
public final class SchemaViolations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMAS = "#/components/schemas/";
    /** What attackers send into text fields; where a pattern refuses them, the service must say so with a 400. */
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE post; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../../etc/passwd", "\u0000", "%00",
            "{{7*7}}", "\u202Eevil");
    private static final int SAMPLES = 2;
    private static final Map<String, JsonNode> SERVER_SET = Map.of(
            "id", NODES.textNode(UUID.randomUUID().toString()),
            "version", NODES.numberNode(7),
            "createdAt", NODES.textNode("2020-01-01T00:00:00Z"),
            "updatedAt", NODES.textNode("2020-01-01T00:00:00Z"),
            "createdBy", NODES.textNode("someone-else"),
            "status", NODES.textNode("APPROVED"));

    /** One bad body: what is wrong with it, the property it concerns (a JSON path such as {@code posts[0].fte}). */
    public record Case(String field, String description, String body) {

        @Override
        public String toString() {
            return field + ": " + description;
        }
    }

    private final JsonNode document;

    private SchemaViolations(JsonNode document) {
        this.document = document;
    }

    /** The cases for a request body schema of this document. */
    public static List<Case> of(JsonNode document, JsonNode schema) {
        SchemaViolations violations = new SchemaViolations(document);
        ObjectNode valid = (ObjectNode) violations.validInstance(schema, 0);
        List<Case> cases = new ArrayList<>();
        violations.breakEachProperty(valid, valid, violations.resolve(schema), "", cases);
        return cases;
    }

    /** One bad query: the parameter at fault, what is wrong with it, and every query parameter to send. */
    public record QueryCase(String parameter, String description, Map<String, String> query) {

        @Override
        public String toString() {
            return parameter + ": " + description;
        }
    }

    /**
     * Queries broken in one parameter each, for an operation's {@code parameters}: the required query parameters
     * are given valid values, and each query parameter in turn a value its schema refuses. A query carries text
     * only, so of the bad values those that are text, or numbers written as text, apply.
     */
    public static List<QueryCase> ofQuery(JsonNode document, JsonNode parameters) {
        SchemaViolations violations = new SchemaViolations(document);
        Map<String, String> valid = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                valid.put(parameter.path("name").asText(), violations.validInstance(parameter.path("schema"), 1).asText());
            }
        }
        List<QueryCase> cases = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = violations.resolve(parameter.path("schema"));
            for (Map.Entry<String, JsonNode> bad : violations.badValues(schema, false)) {
                JsonNode value = bad.getValue();
                if (value.isTextual() || value.isNumber() && !"string".equals(typeOf(schema))) {
                    Map<String, String> query = new LinkedHashMap<>(valid);
                    query.put(name, value.isTextual() ? value.asText() : value.toString());
                    cases.add(new QueryCase(name, bad.getKey() + " (" + abbreviated(query.get(name)) + ")", query));
                }
            }
        }
        return cases;
    }

    /** A body that satisfies the schema, made from its examples: the one every case breaks in one place. */
    public static JsonNode validBody(JsonNode document, JsonNode schema) {
        return new SchemaViolations(document).validInstance(schema, 0);
    }

    private void breakEachProperty(ObjectNode root, ObjectNode object, JsonNode schema, String path, List<Case> cases) {
        String prefix = path.isEmpty() ? "" : path + ".";
        cases.add(withChange(root, object, "unexpectedField", NODES.numberNode(1), prefix + "unexpectedField",
                "a property the schema does not have"));
        if (path.isEmpty()) {
            // Mass assignment: what the server decides, sent as if the client could decide it.
            SERVER_SET.forEach((name, value) -> {
                if (!schema.path("properties").has(name)) {
                    cases.add(withChange(root, object, name, value, name, "a property the server sets"));
                }
            });
        }
        Set<String> required = names(schema.path("required"));
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            String field = path.isEmpty() ? name : path + "." + name;
            JsonNode propertySchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> bad : badValues(propertySchema, required.contains(name) && !nullable(property.getValue()))) {
                cases.add(withChange(root, object, name, bad.getValue(), field, bad.getKey()));
            }
            breakNestedProperties(root, object, name, propertySchema, field, cases);
        }
    }

    /**
     * Into an object or a list of objects: an optional one the valid body leaves out is put in, valid, while its own
     * properties are broken one at a time.
     */
    private void breakNestedProperties(ObjectNode root, ObjectNode object, String name, JsonNode schema, String field,
            List<Case> cases) {
        JsonNode present = object.get(name);
        JsonNode value = present != null ? present : validInstance(schema, 1);
        object.set(name, value);
        if (value instanceof ObjectNode nested && "object".equals(typeOf(schema))) {
            breakEachProperty(root, nested, schema, field, cases);
        } else if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode item) {
            breakEachProperty(root, item, resolve(schema.path("items")), field + "[0]", cases);
        }
        if (present == null) {
            object.remove(name);
        }
    }

    /** The whole body with one property of one of its objects changed (the body itself is left as it was). */
    private static Case withChange(ObjectNode root, ObjectNode object, String name, JsonNode value, String field,
            String description) {
        JsonNode previous = object.get(name);
        object.set(name, value);
        String body = root.toString();
        if (previous == null) {
            object.remove(name);
        } else {
            object.set(name, previous);
        }
        return new Case(field, description + " (" + abbreviated(value.toString()) + ")", body);
    }

    private List<Map.Entry<String, JsonNode>> badValues(JsonNode schema, boolean required) {
        List<Map.Entry<String, JsonNode>> bad = new ArrayList<>();
        String type = typeOf(schema);
        if (required) {
            bad.add(Map.entry("null where a value is required", NODES.nullNode()));
        }
        switch (type) {
            case "string" -> {
                bad.add(Map.entry("a number where text belongs", NODES.numberNode(12345)));
                bad.add(Map.entry("an object where text belongs", NODES.objectNode().put("value", "x")));
                if (schema.has("enum")) {
                    Set<String> allowed = names(schema.path("enum"));
                    sample(Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(3).ofMaxLength(20)
                            .filter(value -> !allowed.contains(value)))
                            .forEach(value -> bad.add(Map.entry("a value the enumeration does not have", NODES.textNode(value))));
                }
                if (schema.has("maxLength")) {
                    int max = schema.path("maxLength").asInt();
                    sample(Arbitraries.strings().alpha().ofMinLength(max + 1).ofMaxLength(max + 200))
                            .forEach(value -> bad.add(Map.entry("longer than " + max + " characters", NODES.textNode(value))));
                }
                if (schema.has("pattern")) {
                    Pattern pattern = Pattern.compile(schema.path("pattern").asText());
                    sample(Arbitraries.oneOf(Arbitraries.of(INJECTIONS), Arbitraries.strings().ofMinLength(1).ofMaxLength(40))
                            .filter(value -> !pattern.matcher(value).find()))
                            .forEach(value -> bad.add(Map.entry("not matching " + pattern, NODES.textNode(value))));
                }
                switch (schema.path("format").asText()) {
                    case "date" -> bad.add(Map.entry("not a date", NODES.textNode("2026-02-30")));
                    case "date-time" -> bad.add(Map.entry("not an instant", NODES.textNode("yesterday at noon")));
                    case "uuid" -> bad.add(Map.entry("not a UUID", NODES.textNode("not-a-uuid")));
                    default -> { }
                }
            }
            case "integer", "number" -> {
                bad.add(Map.entry("text where a number belongs", NODES.textNode("NaN")));
                bad.add(Map.entry("an array where a number belongs", NODES.arrayNode().add(1)));
                if (schema.has("minimum")) {
                    BigDecimal minimum = schema.path("minimum").decimalValue();
                    int scale = "integer".equals(type) ? 0 : Math.max(2, minimum.scale());
                    sample(Arbitraries.bigDecimals().between(minimum.subtract(BigDecimal.valueOf(1_000_000)),
                            minimum.subtract(BigDecimal.ONE.movePointLeft(scale))).ofScale(scale))
                            .forEach(value -> bad.add(Map.entry("below its minimum " + minimum, NODES.numberNode(value))));
                }
                if (schema.has("maximum")) {
                    BigDecimal maximum = schema.path("maximum").decimalValue();
                    int scale = "integer".equals(type) ? 0 : Math.max(2, maximum.scale());
                    sample(Arbitraries.bigDecimals().between(maximum.add(BigDecimal.ONE.movePointLeft(scale)),
                            maximum.add(BigDecimal.valueOf(1_000_000))).ofScale(scale))
                            .forEach(value -> bad.add(Map.entry("above its maximum " + maximum, NODES.numberNode(value))));
                }
                if ("integer".equals(type)) {
                    bad.add(Map.entry("a fraction where a whole number belongs", NODES.numberNode(new BigDecimal("1.5"))));
                }
                if (List.of("int32", "int64").contains(schema.path("format").asText())) {
                    bad.add(Map.entry("beyond the range of " + schema.path("format").asText(),
                            NODES.numberNode(new BigInteger("99999999999999999999"))));
                }
            }
            case "boolean" -> bad.add(Map.entry("text where true or false belongs", NODES.textNode("yes")));
            case "array" -> {
                bad.add(Map.entry("text where a list belongs", NODES.textNode("a,b")));
                if (schema.path("minItems").asInt() > 0) {
                    bad.add(Map.entry("an empty list where one item at least is needed", NODES.arrayNode()));
                }
            }
            case "object" -> bad.add(Map.entry("text where an object belongs", NODES.textNode("{}")));
            default -> { }
        }
        return bad;
    }

    private JsonNode validInstance(JsonNode declared, int depth) {
        JsonNode schema = resolve(declared);
        JsonNode example = firstExample(declared).orElse(firstExample(schema).orElse(null));
        String type = typeOf(schema);
        if (example != null && !"object".equals(type) && !"array".equals(type)) {
            return example;
        }
        return switch (type) {
            case "object" -> {
                // Required properties only: optional ones, each valid alone, can contradict each other (a filled post
                // with the day it fell vacant), and a case must break the body in its one place only.
                ObjectNode object = NODES.objectNode();
                Set<String> required = names(schema.path("required"));
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (depth < 6 && required.contains(property.getKey())) {
                        object.set(property.getKey(), validInstance(property.getValue(), depth + 1));
                    }
                });
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (example instanceof ArrayNode given && !given.isEmpty()) {
                    yield given;
                }
                array.add(validInstance(schema.path("items"), depth + 1));
                yield array;
            }
            case "string" -> NODES.textNode(validText(schema));
            case "integer" -> NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(schema.has("minimum") ? schema.path("minimum").decimalValue() : BigDecimal.ONE);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.nullNode();
        };
    }

    private static String validText(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "date" -> "2026-04-01";
            case "date-time" -> "2026-04-01T09:00:00Z";
            case "uuid" -> UUID.randomUUID().toString();
            default -> "RXT";
        };
    }

    private static Optional<JsonNode> firstExample(JsonNode schema) {
        if (schema.path("examples") instanceof ArrayNode examples && !examples.isEmpty()) {
            return Optional.of(examples.get(0));
        }
        return schema.has("example") ? Optional.of(schema.path("example")) : Optional.empty();
    }

    /** The schema behind a reference, or the non-null branch of "this or null". */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return resolve(document.at("/components/schemas/" + schema.path("$ref").asText().substring(SCHEMAS.length())));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.path(combinator) instanceof ArrayNode branches) {
                for (JsonNode branch : branches) {
                    if (!"null".equals(branch.path("type").asText())) {
                        ObjectNode merged = ((ObjectNode) resolve(branch)).deepCopy();
                        schema.fields().forEachRemaining(field -> {
                            if (!field.getKey().equals(combinator) && !field.getKey().equals("type")) {
                                merged.putIfAbsent(field.getKey(), field.getValue());
                            }
                        });
                        return merged;
                    }
                }
            }
        }
        return schema;
    }

    private static boolean nullable(JsonNode schema) {
        if (schema.path("type") instanceof ArrayNode types) {
            for (JsonNode type : types) {
                if ("null".equals(type.asText())) {
                    return true;
                }
            }
        }
        return schema.path("anyOf").toString().contains("\"null\"");
    }

    /** The schema's type, the non-null one where it says "this or null". */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type instanceof ArrayNode types) {
            for (JsonNode each : types) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("enum") ? "string" : "";
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static <T> List<T> sample(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().limit(SAMPLES).collect(Collectors.toList());
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
