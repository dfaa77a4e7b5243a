package uk.org.lxp.gateway.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders the merged AsyncAPI document as a page a person can read: topics, event types and their fields. */
final class EventCataloguePage {

    private EventCataloguePage() {
    }

    static String render(JsonNode catalogue) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>LXP event catalogue</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}
                table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem;text-align:left}
                code{background:#f4f4f4}</style></head><body>
                <h1>LXP event catalogue</h1>
                """);
        html.append("<p>").append(escape(catalogue.path("info").path("description").asText())).append("</p>")
                .append("<p>Machine-readable: <a href=\"/asyncapi\">/asyncapi</a> (AsyncAPI 3.0).</p>");
        JsonNode messages = catalogue.path("components").path("messages");
        JsonNode schemas = catalogue.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> channel : iterable(catalogue.path("channels"))) {
            html.append("<h2>Topic <code>").append(escape(channel.getValue().path("address").asText()))
                    .append("</code></h2><p>").append(escape(channel.getValue().path("description").asText())).append("</p>");
            for (Map.Entry<String, JsonNode> reference : iterable(channel.getValue().path("messages"))) {
                JsonNode message = resolve(messages, reference.getValue());
                html.append("<h3>").append(escape(message.path("name").asText(reference.getKey()))).append("</h3><p>")
                        .append(escape(message.path("title").asText())).append("</p>");
                JsonNode payload = resolve(schemas, message.path("payload"));
                html.append("<table><tr><th>field</th><th>type</th><th>about</th></tr>");
                for (Map.Entry<String, JsonNode> field : iterable(payload.path("properties"))) {
                    html.append("<tr><td><code>").append(escape(field.getKey())).append("</code></td><td>")
                            .append(escape(field.getValue().path("type").toString().replace("\"", ""))).append(' ')
                            .append(escape(field.getValue().path("format").asText())).append("</td><td>")
                            .append(escape(field.getValue().path("description").asText())).append("</td></tr>");
                }
                html.append("</table>");
            }
        }
        JsonNode unavailable = catalogue.path("x-lxp-unavailable-services");
        if (!unavailable.isMissingNode()) {
            html.append("<p><strong>Not shown, because they did not answer:</strong> ")
                    .append(escape(unavailable.toString())).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static JsonNode resolve(JsonNode section, JsonNode maybeReference) {
        String reference = maybeReference.path("$ref").asText();
        return reference.isEmpty() ? maybeReference : section.path(reference.substring(reference.lastIndexOf('/') + 1));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
