package uk.org.lxp.gateway.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the merged AsyncAPI document as the page a dashboard developer reads: for each topic its purpose, who may
 * read it, its key, partitions and cleanup policy, and for each payload every field (nested objects and array items
 * spelled out as paths, enumerations listed) with an example assembled from the fields' examples; the CloudEvents
 * headers, the same on every event, once at the top. Event types that carry the same payload share one table.
 */
final class EventCataloguePage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Deep enough for every payload of the suite; a schema that refers to itself stops here. */
    private static final int MAXIMUM_DEPTH = 6;

    private EventCataloguePage() {
    }

    static String render(JsonNode catalogue) {
        JsonNode messages = catalogue.path("components").path("messages");
        JsonNode schemas = catalogue.path("components").path("schemas");
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>LXP event catalogue</title>
                <style>body{font-family:sans-serif;max-width:72rem;margin:2rem auto;line-height:1.4}
                table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #ccc;padding:.3rem;
                text-align:left;vertical-align:top}code,pre{background:#f4f4f4}pre{padding:.5rem;overflow-x:auto}
                dt{font-weight:bold}dd{margin:0 0 .3rem 1rem}</style></head><body>
                <h1>LXP event catalogue</h1>
                """);
        html.append("<p>").append(escape(catalogue.path("info").path("description").asText())).append("</p>")
                .append("<p>Machine-readable: <a href=\"/asyncapi\">/asyncapi</a> (AsyncAPI 3.0).</p>");
        headers(html, messages, schemas);
        html.append("<h2>Topics</h2><ul>");
        for (Map.Entry<String, JsonNode> channel : iterable(catalogue.path("channels"))) {
            String address = channel.getValue().path("address").asText();
            html.append("<li><a href=\"#").append(escape(address)).append("\"><code>").append(escape(address))
                    .append("</code></a></li>");
        }
        html.append("</ul>");
        for (Map.Entry<String, JsonNode> channel : iterable(catalogue.path("channels"))) {
            topic(html, channel.getValue(), messages, schemas);
        }
        JsonNode unavailable = catalogue.path("x-lxp-unavailable-services");
        if (!unavailable.isMissingNode()) {
            html.append("<p><strong>Not shown, because they did not answer:</strong> ")
                    .append(escape(unavailable.toString())).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static void headers(StringBuilder html, JsonNode messages, JsonNode schemas) {
        for (Map.Entry<String, JsonNode> message : iterable(messages)) {
            JsonNode headers = resolve(schemas, message.getValue().path("headers"));
            if (!headers.path("properties").isEmpty()) {
                html.append("<h2>Headers of every event</h2><p>CloudEvents 1.0 in Kafka's binary mode: these headers describe"
                        + " the event, and the record's value is its data. <code>ce_source</code> names the service that"
                        + " published it.</p>");
                fields(html, headers, schemas);
                return;
            }
        }
    }

    private static void topic(StringBuilder html, JsonNode channel, JsonNode messages, JsonNode schemas) {
        String address = channel.path("address").asText();
        JsonNode kafka = channel.path("bindings").path("kafka");
        html.append("<h2 id=\"").append(escape(address)).append("\">Topic <code>").append(escape(address))
                .append("</code></h2><p>").append(escape(channel.path("description").asText())).append("</p><dl>");
        definition(html, "Who may read it", readers(texts(channel.path("x-lxp-readers"))));
        Map<String, List<JsonNode>> byPayload = new LinkedHashMap<>();
        String key = "";
        for (Map.Entry<String, JsonNode> reference : iterable(channel.path("messages"))) {
            JsonNode message = resolve(messages, reference.getValue());
            key = key.isEmpty() ? message.path("bindings").path("kafka").path("key").path("description").asText() : key;
            String payload = message.path("payload").path("$ref").asText(message.path("payload").toString());
            byPayload.computeIfAbsent(payload, ignored -> new ArrayList<>()).add(message);
        }
        definition(html, "Record key", key);
        List<String> cleanupPolicy = texts(kafka.path("topicConfiguration").path("cleanup.policy"));
        definition(html, "Cleanup policy", cleanupPolicy.isEmpty() ? "" : String.join(", ", cleanupPolicy)
                + (cleanupPolicy.contains("compact")
                        ? ": the latest record of each key is kept, so reading from the beginning gives the current state"
                        : ": records are deleted after the retention time"));
        definition(html, "Partitions", kafka.path("partitions").asText());
        html.append("</dl>");
        for (Map.Entry<String, List<JsonNode>> payload : byPayload.entrySet()) {
            JsonNode schema = resolve(schemas, payload.getValue().get(0).path("payload"));
            html.append("<h3>").append(escape(payload.getKey().substring(payload.getKey().lastIndexOf('/') + 1)))
                    .append("</h3><p>The data of:</p><ul>");
            for (JsonNode message : payload.getValue()) {
                html.append("<li><code>").append(escape(message.path("name").asText())).append("</code>: ")
                        .append(escape(message.path("title").asText())).append("</li>");
            }
            html.append("</ul>");
            fields(html, schema, schemas);
            html.append("<details><summary>Example</summary><pre>").append(escape(pretty(example(schema, schemas, 0))))
                    .append("</pre></details>");
        }
    }

    private static String readers(List<String> readers) {
        if (readers.isEmpty()) {
            return "";
        }
        return readers.contains("dashboards")
                ? "ICS dashboards (their own Kafka users, read only), and the suite's services"
                : "The suite's services only: dashboards are refused, since it carries staff references or is internal";
    }

    private static void definition(StringBuilder html, String term, String value) {
        if (!value.isEmpty()) {
            html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
        }
    }

    private static void fields(StringBuilder html, JsonNode schema, JsonNode schemas) {
        html.append("<table><tr><th scope=\"col\">field</th><th scope=\"col\">type</th><th scope=\"col\">values</th>"
                + "<th scope=\"col\">required</th><th scope=\"col\">about</th></tr>");
        rows(html, "", schema, schemas, 0);
        html.append("</table>");
    }

    private static void rows(StringBuilder html, String prefix, JsonNode schema, JsonNode schemas, int depth) {
        List<String> required = texts(schema.path("required"));
        for (Map.Entry<String, JsonNode> property : iterable(schema.path("properties"))) {
            JsonNode field = resolve(schemas, property.getValue());
            String path = prefix + property.getKey();
            html.append("<tr><td><code>").append(escape(path)).append("</code></td><td>").append(escape(type(field)))
                    .append("</td><td>").append(escape(values(field))).append("</td><td>")
                    .append(required.contains(property.getKey()) ? "yes" : "no").append("</td><td>")
                    .append(escape(field.path("description").asText(property.getValue().path("description").asText())))
                    .append("</td></tr>");
            if (depth < MAXIMUM_DEPTH) {
                JsonNode items = resolve(schemas, field.path("items"));
                if (field.has("properties")) {
                    rows(html, path + ".", field, schemas, depth + 1);
                } else if (items.has("properties")) {
                    rows(html, path + "[].", items, schemas, depth + 1);
                }
            }
        }
    }

    private static String type(JsonNode field) {
        String type = field.path("type").isArray() ? String.join(" or ", texts(field.path("type"))) : field.path("type").asText();
        if (field.path("type").asText().equals("array") || texts(field.path("type")).contains("array")) {
            type += " of " + field.path("items").path("type").asText("objects");
        }
        String format = field.path("format").asText();
        return format.isEmpty() ? type : type + " (" + format + ")";
    }

    private static String values(JsonNode field) {
        if (field.has("const")) {
            return field.get("const").asText();
        }
        if (field.has("enum")) {
            return String.join(", ", texts(field.get("enum")));
        }
        JsonNode items = field.path("items");
        if (items.has("enum")) {
            return String.join(", ", texts(items.get("enum")));
        }
        List<String> bounds = new ArrayList<>();
        if (field.has("minimum")) {
            bounds.add("from " + field.get("minimum").asText());
        }
        if (field.has("maximum")) {
            bounds.add("to " + field.get("maximum").asText());
        }
        if (field.has("pattern")) {
            bounds.add("matches " + field.get("pattern").asText());
        }
        return String.join(" ", bounds);
    }

    /** An example payload, from each field's own example, its first allowed value or its format. */
    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode field = resolve(schemas, schema);
        if (field.has("examples") && !field.get("examples").isEmpty()) {
            return field.get("examples").get(0);
        }
        if (field.has("const")) {
            return field.get("const");
        }
        if (field.has("enum") && !field.get("enum").isEmpty()) {
            return field.get("enum").get(0);
        }
        List<String> types = field.path("type").isArray() ? texts(field.path("type")) : List.of(field.path("type").asText());
        if (field.has("properties") || types.contains("object")) {
            ObjectNode object = JSON.createObjectNode();
            if (depth < MAXIMUM_DEPTH) {
                field.path("properties").fields()
                        .forEachRemaining(property -> object.set(property.getKey(), example(property.getValue(), schemas, depth + 1)));
            }
            return object;
        }
        if (types.contains("array")) {
            ArrayNode array = JSON.createArrayNode();
            if (depth < MAXIMUM_DEPTH && field.has("items")) {
                array.add(example(field.get("items"), schemas, depth + 1));
            }
            return array;
        }
        if (types.contains("integer") || types.contains("number")) {
            return JSON.getNodeFactory().numberNode(field.path("minimum").asInt(1));
        }
        if (types.contains("boolean")) {
            return JSON.getNodeFactory().booleanNode(true);
        }
        if (types.equals(List.of("null"))) {
            return JSON.getNodeFactory().nullNode();
        }
        return JSON.getNodeFactory().textNode(switch (field.path("format").asText()) {
            case "uuid" -> "5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10";
            case "date" -> "2026-04-01";
            case "date-time" -> "2026-11-30T09:15:00Z";
            default -> "text";
        });
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static JsonNode resolve(JsonNode section, JsonNode maybeReference) {
        String reference = maybeReference.path("$ref").asText();
        return reference.isEmpty() ? maybeReference : section.path(reference.substring(reference.lastIndexOf('/') + 1));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.isNull() ? "null" : item.asText()));
        return texts;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
