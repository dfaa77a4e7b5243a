package uk.org.lxp.api.openapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import uk.org.lxp.http.Problem;

/**
 * Documents what every operation shares, so that resources name only what is their own: the problem document
 * (the body of every error response), the 401 and 403 every secured operation can answer, and the 409 of a write
 * that met another request's change of the same records (an If-Match write answers that 412); an If-Match the
 * operation answers 428 without is required (unless the operation marks it optional), so that a generated client
 * asks for it. It also states two rules of the JSON every service writes: Java's date, time and identifier types are
 * plain strings of a format (not schemas named Instant or UUID that a generator would turn into classes), and a
 * property a schema does not require may be null (the services write absent values as null).
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "ProblemViolation";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String NOT_BLANK = "\\S";
    private static final Set<PathItem.HttpMethod> WRITES = EnumSet.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String CONCURRENT_CHANGE =
            "Another request changed the same records meanwhile; nothing was written: read them again and retry";
    private static final String OR_CONCURRENT_CHANGE =
            "; or another request changed the same records meanwhile (nothing was written: read them again and retry)";

    /** How Jackson writes each Java type that SmallRye would otherwise document as a schema of its own. */
    private static final Map<String, Schema> JAVA_TYPES = Map.of(
            "Instant", string("date-time", "2026-11-30T09:15:00Z"),
            "OffsetDateTime", string("date-time", "2026-11-30T09:15:00Z"),
            "LocalDate", string("date", "2026-04-01"),
            "LocalDateTime", string(null, "2027-03-30T14:00:00")
                    .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$")
                    .description("A wall-clock date and time without offset (ISO 8601), in England unless said otherwise"),
            "LocalTime", string(null, "09:30:00").pattern("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?$")
                    .description("A time of day, local to the organisation (ISO 8601)"),
            "UUID", string("uuid", "5f0c2a64-1d7e-4b8e-9a51-0c3f2b7d9e10"),
            "Duration", string("duration", "PT1H30M").description("An ISO 8601 duration"));

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return operation;
        }
        if (operation.getSecurity() == null) {
            // Said outright, so that a reader and a linter know the operation is public on purpose.
            operation.setSecurity(new ArrayList<>());
        }
        if (!operation.getSecurity().isEmpty()) {
            addIfMissing(responses, "401", "No bearer token, or one that is expired or not issued for this API");
            addIfMissing(responses, "403", "The token's role or organisation scope does not allow this");
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            addIfMissing(responses, "400", "A parameter is malformed; the problem names it");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(responses, "400", "The body is not valid JSON or a field is malformed; the problem names it");
            addIfMissing(responses, "413", "The body is larger than the gateway accepts");
            addIfMissing(responses, "415", "The body is not of a media type this operation takes");
        }
        // What the gateway, every client's way in, can answer on any route.
        addIfMissing(responses, "429", "The client's rate limit is reached; Retry-After says when to try again");
        addIfMissing(responses, "502", "The service answered the gateway badly; retry with backoff");
        addIfMissing(responses, "503", "The service or its database cannot be reached now; retry after Retry-After if sent");
        addIfMissing(responses, "504", "The service did not answer within the route's timeout; retry with backoff");
        if (responses.hasAPIResponse("428")) {
            // An operation that takes it only for some requests says so with required = false.
            ifMatch(operation).filter(parameter -> parameter.getRequired() == null)
                    .ifPresent(parameter -> parameter.setRequired(true));
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                entry.getValue().setContent(problemContent());
            }
        }
        return operation;
    }

    /**
     * A write without If-Match whose rows another request changed meanwhile is answered 409 (see
     * {@code PersistenceProblems}): documented on every such write, next to any 409 of its own. SmallRye filters a
     * path item after its operations, so a 409 added here is given its problem content here.
     */
    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().forEach((method, operation) -> {
            if (!WRITES.contains(method) || operation.getResponses() == null || takesIfMatch(operation)) {
                return;
            }
            APIResponse conflict = operation.getResponses().getAPIResponse("409");
            if (conflict == null) {
                operation.getResponses().addAPIResponse("409", OASFactory.createAPIResponse()
                        .description(CONCURRENT_CHANGE).content(problemContent()));
            } else if (conflict.getDescription() == null) {
                conflict.description(CONCURRENT_CHANGE);
            } else if (!conflict.getDescription().endsWith(OR_CONCURRENT_CHANGE)) {
                conflict.description(conflict.getDescription() + OR_CONCURRENT_CHANGE);
            }
        });
        return pathItem;
    }

    private static boolean takesIfMatch(Operation operation) {
        return ifMatch(operation).isPresent();
    }

    private static Optional<Parameter> ifMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return Optional.empty();
        }
        return operation.getParameters().stream().filter(parameter ->
                parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())).findFirst();
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
        String ref = schema.getRef();
        if (ref != null && schema.getType() != null) {
            // SmallRye keeps the Java type's own type next to a reference an annotation gave; the reference decides.
            schema.setType(null);
            schema.setFormat(null);
        }
        if (ref != null && ref.startsWith(SCHEMA_REF) && JAVA_TYPES.containsKey(ref.substring(SCHEMA_REF.length()))) {
            Schema type = JAVA_TYPES.get(ref.substring(SCHEMA_REF.length()));
            schema.setRef(null);
            schema.setType(type.getType());
            schema.setFormat(type.getFormat());
            schema.setPattern(type.getPattern());
            schema.setEnumeration(type.getEnumeration());
            if (schema.getExamples() == null || schema.getExamples().stream().allMatch(ApiDocumentFilter::isSmallRyeDefault)) {
                schema.setExamples(type.getExamples());
            }
            if (schema.getDescription() == null) {
                schema.setDescription(type.getDescription());
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        JAVA_TYPES.keySet().forEach(components::removeSchema);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocumentFilter::optionalPropertiesNullable);
        }
        components.addSchema(VIOLATION, violation());
        components.addSchema(PROBLEM, problem());
        Config config = ConfigProvider.getConfig();
        config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).ifPresent(issuer -> components.addSecurityScheme(
                config.getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("keycloak"),
                signIn(issuer)));
        openAPI.setComponents(components);
    }

    /**
     * The two ways in, as OAuth 2 flows a person and a generator can use (an OpenID Connect discovery URL leaves a
     * client to offer every grant the realm knows): authorisation code with PKCE for people, in Swagger UI or a
     * browser application, and client credentials for HR systems.
     */
    static SecurityScheme signIn(String issuer) {
        String endpoints = issuer + "/protocol/openid-connect";
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Keycloak realm " + issuer + ". People sign in with the authorisation code flow and PKCE"
                        + " (S256); an HR system or dashboard gets a token with its own client's credentials. Every"
                        + " token carries the caller's roles and organisation or ICB, which decide what it may do and see.")
                .flows(OASFactory.createOAuthFlows()
                        .authorizationCode(OASFactory.createOAuthFlow()
                                .authorizationUrl(endpoints + "/auth").tokenUrl(endpoints + "/token")
                                .refreshUrl(endpoints + "/token")
                                .scopes(Map.of("openid", "Sign in; the token names who you are and your organisation")))
                        .clientCredentials(OASFactory.createOAuthFlow().tokenUrl(endpoints + "/token").scopes(Map.of())));
    }

    /**
     * A pattern as the services apply it: Bean Validation's {@code @Pattern} must match the whole value, while JSON
     * Schema's {@code pattern} may match anywhere in it ("127" would pass {@code [A-Z0-9]{3,10}} inside a URL). SmallRye
     * writes {@code @NotBlank} as the pattern {@code \\S}, which means what it says only unanchored.
     */
    static String anchored(String pattern) {
        if (pattern.startsWith("^") && pattern.endsWith("$") || pattern.equals(NOT_BLANK)) {
            return pattern;
        }
        return pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$";
    }

    private static void optionalPropertiesNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name) || admitsNull(property.getAnyOf())) {
                nullable(property);
            }
        });
    }

    /**
     * Lets a schema also be null, in both forms generators read: null among its types (and its enum values), and
     * null as an alternative to the schema it refers to.
     */
    static void nullable(Schema schema) {
        Schema nullType = OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL));
        if (schema.getRef() != null) {
            schema.setAnyOf(List.of(OASFactory.createSchema().ref(schema.getRef()), nullType));
            schema.setRef(null);
        } else if (schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getAnyOf() == null) {
            schema.setAnyOf(List.of(schema.getAllOf().get(0), nullType));
            schema.setAllOf(null);
        } else if (schema.getAnyOf() != null && !admitsNull(schema.getAnyOf())) {
            List<Schema> anyOf = new ArrayList<>(schema.getAnyOf());
            anyOf.add(nullType);
            schema.setAnyOf(anyOf);
        }
        if (schema.getType() != null && !schema.getType().isEmpty() && !schema.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
            types.add(Schema.SchemaType.NULL);
            schema.setType(types);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
    }

    private static boolean admitsNull(List<Schema> alternatives) {
        return alternatives != null && alternatives.stream()
                .anyMatch(alternative -> alternative.getType() != null && alternative.getType().equals(List.of(Schema.SchemaType.NULL)));
    }

    /** SmallRye's stock example for every date and time, 10 March 2022, says nothing about the field. */
    private static boolean isSmallRyeDefault(Object example) {
        return String.valueOf(example).startsWith("2022-03-10");
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
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

    private static Schema string(String format, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format(format).examples(List.of(example));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description).example(example);
    }
}
