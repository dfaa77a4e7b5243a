package uk.org.lxp.gateway.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import uk.org.lxp.gateway.config.GatewayConfig;

/**
 * The API documents of the services behind the gateway, fetched from them when asked for, with their server
 * URLs pointing at the gateway, and merged into one OpenAPI and one AsyncAPI document.
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final HttpClient client;
    private final Map<String, List<URI>> services = new TreeMap<>();
    private final ObjectMapper json;
    private final YAMLMapper yaml = new YAMLMapper();
    private final String publicUrl;

    ApiDocuments(Vertx vertx, GatewayConfig config, ObjectMapper json) {
        this.client = vertx.createHttpClient();
        this.json = json;
        this.publicUrl = config.publicUrl();
        config.services().forEach((name, service) -> services.put(name, service.urls()));
    }

    public boolean knows(String service) {
        return services.containsKey(service);
    }

    /** One service's OpenAPI document, addressed to the gateway; empty if the service did not answer. */
    public Uni<ObjectNode> openApi(String service) {
        return fetch(service, "/q/openapi?format=json")
                .map(body -> body == null ? null : addressedToGateway((ObjectNode) read(json, body)));
    }

    /** All services' operations in one document, for generating one client; lists services that did not answer. */
    public Uni<ObjectNode> mergedOpenApi() {
        List<Uni<Map.Entry<String, ObjectNode>>> fetches = new ArrayList<>();
        services.keySet().forEach(service -> fetches.add(openApi(service).map(doc -> Map.entry(service, orEmpty(doc)))));
        return Uni.join().all(fetches).andFailFast().map(documents -> {
            ObjectNode merged = json.createObjectNode();
            merged.put("openapi", "3.1.0");
            ObjectNode info = merged.putObject("info").put("title", "LXP Workforce Suite API").put("version", "1.0")
                    .put("description", "Every public operation of the suite, through the gateway.");
            merged.putArray("servers").addObject().put("url", publicUrl);
            ObjectNode paths = merged.putObject("paths");
            ObjectNode components = merged.putObject("components");
            ArrayNode tags = merged.putArray("tags");
            ArrayNode unavailable = json.createArrayNode();
            for (Map.Entry<String, ObjectNode> entry : documents) {
                ObjectNode document = entry.getValue();
                if (document.isEmpty()) {
                    unavailable.add(entry.getKey());
                    continue;
                }
                document = withDistinctSchemaNames(entry.getKey(), document, components);
                document.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
                document.path("components").fields().forEachRemaining(section -> {
                    ObjectNode target = components.has(section.getKey())
                            ? (ObjectNode) components.get(section.getKey())
                            : components.putObject(section.getKey());
                    section.getValue().fields().forEachRemaining(item -> target.set(item.getKey(), item.getValue()));
                });
                document.path("tags").forEach(tag -> {
                    // A tag several services share (their dead letters' "Operations") is listed once.
                    if (tags.findValues("name").stream().noneMatch(name -> name.equals(tag.path("name")))) {
                        tags.add(tag);
                    }
                });
                if (!info.has("contact") && document.path("info").has("contact")) {
                    info.set("contact", document.path("info").path("contact"));
                }
            }
            if (!unavailable.isEmpty()) {
                merged.set("x-lxp-unavailable-services", unavailable);
            }
            return merged;
        });
    }

    /** The document with only the named flow left in each OAuth 2 security scheme. */
    public static ObjectNode withOnlyFlow(ObjectNode document, String flow) {
        document.path("components").path("securitySchemes").forEach(scheme -> {
            if (scheme.path("flows") instanceof ObjectNode flows) {
                flows.retain(flow);
            }
        });
        return document;
    }

    /** All services' AsyncAPI documents in one event catalogue. */
    public Uni<ObjectNode> mergedAsyncApi() {
        List<Uni<Map.Entry<String, JsonNode>>> fetches = new ArrayList<>();
        services.keySet().forEach(service -> fetches.add(fetch(service, "/asyncapi/" + service + ".yaml")
                .map(body -> Map.entry(service, body == null ? json.createObjectNode() : read(yaml, body)))));
        return Uni.join().all(fetches).andFailFast().map(documents -> {
            ObjectNode merged = json.createObjectNode();
            merged.put("asyncapi", "3.0.0");
            merged.putObject("info").put("title", "LXP Workforce Suite events").put("version", "1.0.0")
                    .put("description", "CloudEvents 1.0 on Kafka (binary mode), published through each service's "
                            + "transactional outbox. Record key = aggregate id. ICS-facing topics carry no names or emails.");
            merged.put("defaultContentType", "application/json");
            ObjectNode channels = merged.putObject("channels");
            ObjectNode operations = merged.putObject("operations");
            ObjectNode messages = merged.putObject("components").putObject("messages");
            ObjectNode schemas = ((ObjectNode) merged.get("components")).putObject("schemas");
            ArrayNode unavailable = json.createArrayNode();
            for (Map.Entry<String, JsonNode> entry : documents) {
                JsonNode document = entry.getValue();
                if (document.isEmpty()) {
                    unavailable.add(entry.getKey());
                    continue;
                }
                String prefix = pascal(entry.getKey());
                String text = document.toString().replace("#/components/schemas/", "#/components/schemas/" + prefix);
                JsonNode renamed = read(json, text);
                renamed.path("channels").fields().forEachRemaining(c -> channels.set(c.getKey(), c.getValue()));
                renamed.path("operations").fields().forEachRemaining(o -> operations.set(o.getKey(), o.getValue()));
                renamed.path("components").path("messages").fields()
                        .forEachRemaining(m -> messages.set(m.getKey(), m.getValue()));
                renamed.path("components").path("schemas").fields()
                        .forEachRemaining(s -> schemas.set(prefix + s.getKey(), s.getValue()));
            }
            if (!unavailable.isEmpty()) {
                merged.set("x-lxp-unavailable-services", unavailable);
            }
            return merged;
        });
    }

    public String toYaml(JsonNode document) {
        try {
            return yaml.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode addressedToGateway(ObjectNode document) {
        document.putArray("servers").addObject().put("url", publicUrl).put("description", "The LXP gateway");
        return document;
    }

    /** Schemas of the same name but different content in two services are prefixed with the service's name. */
    private ObjectNode withDistinctSchemaNames(String service, ObjectNode document, ObjectNode mergedComponents) {
        JsonNode taken = mergedComponents.path("schemas");
        List<String> clashes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> schema = it.next();
            if (taken.has(schema.getKey()) && !taken.get(schema.getKey()).equals(schema.getValue())) {
                clashes.add(schema.getKey());
            }
        }
        if (clashes.isEmpty()) {
            return document;
        }
        String text = document.toString();
        for (String name : clashes) {
            text = text.replace("\"" + SCHEMA_REF + name + "\"", "\"" + SCHEMA_REF + pascal(service) + name + "\"");
        }
        ObjectNode renamed = (ObjectNode) read(json, text);
        ObjectNode schemas = (ObjectNode) renamed.path("components").path("schemas");
        for (String name : clashes) {
            schemas.set(pascal(service) + name, schemas.remove(name));
        }
        return renamed;
    }

    /** The document from the service's first instance that gives it; null if none does. */
    private Uni<String> fetch(String service, String path) {
        return fetchFrom(services.get(service), 0, path);
    }

    private Uni<String> fetchFrom(List<URI> instances, int index, String path) {
        if (index == instances.size()) {
            return Uni.createFrom().nullItem();
        }
        URI base = instances.get(index);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(base.getPort()).setURI(path).setIdleTimeout(FETCH_TIMEOUT.toMillis());
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(response -> response.statusCode() == 200
                        ? response.body().map(buffer -> buffer.toString())
                        : Uni.createFrom().nullItem())
                .ifNoItem().after(FETCH_TIMEOUT).recoverWithItem((String) null)
                .onFailure().recoverWithNull()
                .flatMap(body -> body != null ? Uni.createFrom().item(body) : fetchFrom(instances, index + 1, path));
    }

    private ObjectNode orEmpty(ObjectNode document) {
        return document == null ? json.createObjectNode() : document;
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("A service published a document that is not " + mapper.getFactory().getFormatName(), e);
        }
    }

    private static String pascal(String service) {
        StringBuilder name = new StringBuilder();
        for (String part : service.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
