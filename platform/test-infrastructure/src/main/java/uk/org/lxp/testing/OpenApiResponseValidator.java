package uk.org.lxp.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi31;
import com.networknt.schema.keyword.AnnotationKeyword;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every response a test receives against the OpenAPI document the application under test serves, so that the
 * document and the code cannot drift apart: the operation must document the status, the body's media type must be
 * one it declares, and a JSON body must match the declared schema (OpenAPI 3.1, that is JSON Schema 2020-12, with
 * formats asserted). Only operations the document knows are checked: requests outside it (health, metrics) and to
 * servers that publish no document (the OIDC provider, stand-ins) pass.
 */
public final class OpenApiResponseValidator implements OrderedFilter {

    /** Where a Quarkus application serves its own document. */
    public static final String APPLICATION_DOCUMENT = "/q/openapi?format=json";
    /** Where the gateway serves the whole suite's document, the one integrators generate clients from. */
    public static final String GATEWAY_DOCUMENT = "/openapi";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DOCUMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(DOCUMENT_TIMEOUT).build();
    private static final Map<String, ApiDocument> DOCUMENTS = new ConcurrentHashMap<>();

    private final String documentPath;

    /** Checks answers against the document each server serves at {@code documentPath}. */
    public OpenApiResponseValidator(String documentPath) {
        this.documentPath = documentPath;
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        ApiDocument document = DOCUMENTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority() + documentPath,
                ApiDocument::load);
        List<String> faults = document.faults(request.getMethod(), uri.getRawPath(), response.statusCode(),
                response.contentType(), response.asString());
        if (!faults.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath() + " (" + response.statusCode()
                    + ") does not match the served OpenAPI document:\n  " + String.join("\n  ", faults)
                    + "\nBody: " + abbreviated(response.asString()));
        }
        return response;
    }

    private static String abbreviated(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
    }

    /** One served document, with its path templates as patterns and the response schemas compiled once. */
    static final class ApiDocument {

        private static final String API = "/api/";

        private final JsonNode document;
        private final JsonNode answerComponents;
        private final boolean documentsTheApi;
        private final List<PathTemplate> paths = new ArrayList<>();
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
        /** OpenAPI 3.1's dialect, knowing the document's components (held beside each schema) as no assertion. */
        private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                Dialect.builder(OpenApi31.getInstance()).keyword(new AnnotationKeyword("components")).build(),
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

        ApiDocument(JsonNode document) {
            this.document = document;
            this.answerComponents = everyPropertyPresent(document.path("components").deepCopy());
            document.path("paths").fieldNames().forEachRemaining(path -> paths.add(new PathTemplate(path)));
            paths.sort(Comparator.comparingInt(PathTemplate::parameters));
            documentsTheApi = paths.stream().anyMatch(path -> path.text().startsWith(API));
        }

        /**
         * The services write every property of an answer, null when it has no value, and nothing else; so in an answer
         * (not in a request, where optional properties may be left out) every declared property must be present, and
         * no undeclared one may be. A renamed or dropped field cannot then pass as an optional one.
         */
        private static JsonNode everyPropertyPresent(JsonNode node) {
            if (node instanceof ObjectNode object) {
                if (object.path("properties") instanceof ObjectNode properties && !properties.isEmpty()) {
                    ArrayNode required = object.putArray("required");
                    properties.fieldNames().forEachRemaining(required::add);
                    if (!object.has("additionalProperties")) {
                        object.put("additionalProperties", false);
                    }
                }
                object.forEach(OpenApiResponseValidator.ApiDocument::everyPropertyPresent);
            } else if (node instanceof ArrayNode array) {
                array.forEach(OpenApiResponseValidator.ApiDocument::everyPropertyPresent);
            }
            return node;
        }

        static ApiDocument load(String address) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(address)).timeout(DOCUMENT_TIMEOUT).GET().build();
            try {
                HttpResponse<String> answer = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 404) {
                    return new ApiDocument(JSON.createObjectNode());
                }
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(address + " served no OpenAPI document (" + answer.statusCode() + ")");
                }
                JsonNode document = JSON.readTree(answer.body());
                if (document.has("x-lxp-unavailable-services")) {
                    throw new IllegalStateException(address + " left out services that did not answer: "
                            + document.get("x-lxp-unavailable-services"));
                }
                return new ApiDocument(document);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the OpenAPI document at " + address, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> faults(String method, String path, int statusCode, String contentType, String body) {
            Optional<PathTemplate> template = paths.stream().filter(candidate -> candidate.matches(path)).findFirst();
            if (template.isEmpty()) {
                return documentsTheApi && path.startsWith(API) && statusCode != 404
                        ? List.of("no operation is documented at " + path) : List.of();
            }
            String documented = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
            JsonNode operation = document.path("paths").path(template.get().text()).path(documented);
            if (operation.isMissingNode()) {
                return statusCode == 405 ? List.of() : List.of("no " + method + " operation is documented at " + template.get().text());
            }
            String status = Integer.toString(statusCode);
            JsonNode declared = responseFor(operation.path("responses"), status);
            if (declared == null) {
                return List.of("status " + status + " is not documented; documented: " + fieldNames(operation.path("responses")));
            }
            return bodyFaults(method, template.get().text(), status, declared, contentType, body);
        }

        private List<String> bodyFaults(String method, String path, String status, JsonNode declared, String contentType,
                String body) {
            JsonNode content = declared.path("content");
            if (body.isEmpty()) {
                return content.isEmpty() || method.equals("HEAD") || status.equals("304") ? List.of()
                        : List.of("the body is empty, but the document declares " + fieldNames(content));
            }
            if (content.isEmpty()) {
                return List.of("a body came back, but the document declares none");
            }
            if (contentType == null || contentType.isBlank()) {
                return List.of("a body came back without a Content-Type");
            }
            String mediaType = mediaTypeOf(contentType);
            Optional<String> declaredType = declaredMediaType(content, mediaType);
            if (declaredType.isEmpty()) {
                return List.of("media type " + mediaType + " is not among those documented: " + fieldNames(content));
            }
            JsonNode schema = content.path(declaredType.get()).path("schema");
            if (schema.isMissingNode() || !isJson(mediaType)) {
                return List.of();
            }
            JsonNode instance;
            try {
                instance = JSON.readTree(body);
            } catch (IOException e) {
                return List.of("the body is not JSON: " + e.getMessage());
            }
            String key = method + " " + path + " " + status + " " + declaredType.get();
            List<String> faults = new ArrayList<>();
            for (Error error : schemas.computeIfAbsent(key, ignored -> compile(schema)).validate(instance)) {
                faults.add(error.getInstanceLocation() + ": " + error.getInstanceNode() + " breaks \"" + error.getKeyword()
                        + "\": " + error.getSchemaNode());
            }
            return faults;
        }

        /** The schema as a root that also holds the document's components, so that its references resolve. */
        private Schema compile(JsonNode schema) {
            ObjectNode root = (ObjectNode) everyPropertyPresent(schema.deepCopy());
            root.set("components", answerComponents);
            return registry.getSchema(SchemaLocation.of("urn:lxp:openapi:" + UUID.randomUUID()), root);
        }

        private static JsonNode responseFor(JsonNode responses, String status) {
            if (responses.has(status)) {
                return responses.get(status);
            }
            String range = status.charAt(0) + "XX";
            if (responses.has(range)) {
                return responses.get(range);
            }
            return responses.has("default") ? responses.get("default") : null;
        }

        private static Optional<String> declaredMediaType(JsonNode content, String mediaType) {
            if (content.has(mediaType)) {
                return Optional.of(mediaType);
            }
            String family = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
            for (String candidate : List.of(family, "*/*")) {
                if (content.has(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        private static String mediaTypeOf(String contentType) {
            int parameters = contentType.indexOf(';');
            return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        }

        private static boolean isJson(String mediaType) {
            return mediaType.equals("application/json") || mediaType.endsWith("+json");
        }

        private static List<String> fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            return names;
        }
    }

    /** A documented path such as /api/v1/posts/{id}; literal paths are tried before those with parameters. */
    record PathTemplate(String text, Pattern pattern, int parameters) {

        PathTemplate(String text) {
            this(text, Pattern.compile(regex(text)), text.length() - text.replace("{", "").length());
        }

        private static String regex(String template) {
            StringBuilder regex = new StringBuilder();
            for (String part : template.split("\\{[^/}]+}", -1)) {
                if (regex.length() > 0) {
                    regex.append("[^/]+");
                }
                regex.append(Pattern.quote(part));
            }
            return regex.toString();
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
