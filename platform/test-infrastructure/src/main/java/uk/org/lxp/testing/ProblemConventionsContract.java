package uk.org.lxp.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What every service answers alike, whatever its domain: the same failure has the same status and the same problem
 * document in every service (and at the gateway). A service's test extends this, names three of its operations,
 * and is annotated {@code @QuarkusTest @WithTestResource(LxpTestInfrastructure.class)}.
 */
public abstract class ProblemConventionsContract {

    private static final String PROBLEM = "application/problem+json";

    /** A list operation (GET) that lxp-admin may call and that takes the standard paging parameters. */
    protected abstract String listPath();

    /** Reads one resource (GET) by a UUID at the end of the path. */
    protected abstract String itemPath(String id);

    /** An operation that takes a JSON body (POST or PUT), with the method. */
    protected abstract String bodyMethod();

    protected abstract String bodyPath();

    /** A token whose role the list operation does not allow. */
    protected abstract String tokenWithoutTheRole();

    protected static String admin() {
        return OidcTestServer.shared().token().roles("lxp-admin").signed();
    }

    @Test
    void noTokenIs401WithAChallengeAndAProblem() {
        problem(given().when().get(listPath()).then(), 401, "unauthorized")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    /**
     * Generated from the service's own document, so that an operation added later is attacked without a line of test
     * code: every operation that needs a token refuses every way of presenting one that must not be believed.
     */
    @Test
    void everyProtectedOperationRefusesEveryTokenItMustNotBelieveWith401() {
        List<TokenAttacks.Attack> attacks = TokenAttacks.against(() -> OidcTestServer.shared().token().roles("lxp-admin"));
        List<String> faults = new ArrayList<>();
        List<DocumentedOperations.Operation> operations = DocumentedOperations.protectedOf(servedDocument());
        for (DocumentedOperations.Operation operation : operations) {
            for (TokenAttacks.Attack attack : attacks) {
                faults.addAll(refusal(attack.applyTo(request(operation)), operation, 401, "unauthorized", attack.name()));
            }
            if (operation.method().equals("GET")) {
                // The control: the same token, properly presented, is let in (reads only, so that nothing is changed).
                int genuine = request(operation).auth().oauth2(admin()).when().get(operation.path()).statusCode();
                if (genuine == 401 || genuine == 403) {
                    faults.add(operation + " refused lxp-admin's genuine token: " + genuine);
                }
            }
        }
        assertThat(operations).as("operations in the served document").isNotEmpty();
        assertThat(OidcTestServer.shared().attackersKeysFetched()).as("fetches of the attacker's jku").isZero();
        System.out.printf("Token attacks: %d protected operations x %d attacks%n", operations.size(), attacks.size());
        assertThat(faults).as("answers to %d operations x %d attacks", operations.size(), attacks.size()).isEmpty();
    }

    /** A genuine token of this realm that carries none of the suite's roles (Keycloak's defaults only) is 403 everywhere. */
    @Test
    void everyProtectedOperationRefusesATokenWithNoRoleOfTheSuiteWith403() {
        String noRole = OidcTestServer.shared().token().roles("offline_access", "uma_authorization").organisations("RXT")
                .signed();
        List<String> faults = new ArrayList<>();
        List<DocumentedOperations.Operation> operations = DocumentedOperations.protectedOf(servedDocument());
        for (DocumentedOperations.Operation operation : operations) {
            faults.addAll(refusal(request(operation).auth().oauth2(noRole), operation, 403, "forbidden", "no role"));
        }
        assertThat(operations).isNotEmpty();
        assertThat(faults).isEmpty();
    }

    /**
     * Generated from the service's own document: every operation that takes a JSON body refuses one broken in any
     * single place (see {@link SchemaViolations}) with a 400 problem naming that field by its JSON path, so that a body
     * refused for another reason cannot pass; never a success, never a 5xx.
     */
    @Test
    void everyBodyBrokenInOnePlaceIs400NamingTheField() {
        JsonNode document = servedDocument();
        List<String> faults = new ArrayList<>();
        int cases = 0;
        for (DocumentedOperations.Operation operation : DocumentedOperations.protectedOf(document)) {
            if (!operation.takesBody()) {
                continue;
            }
            for (SchemaViolations.Case bad : SchemaViolations.of(document, operation.bodySchema())) {
                cases++;
                Response response = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", "\"0\"")
                        .body(bad.body()).when().request(operation.method(), operation.path());
                if (!isInvalidNaming(response, "violations.field", bad.field())) {
                    faults.add(operation + " " + bad + ": " + response.statusCode() + " " + abbreviated(response.asString()));
                }
            }
        }
        assertThat(cases).as("bodies tried").isPositive();
        System.out.printf("Bad input: %d bodies broken in one place each%n", cases);
        assertThat(faults).as("answers to %d broken bodies", cases).isEmpty();
    }

    /**
     * Generated from the service's own document: every read (GET) refuses a query parameter its schema refuses (an
     * unknown enum value, a page size out of range, text for a number, a fraction, a malformed date or UUID, a
     * value not matching its pattern), with the other required parameters valid, as a 400 naming that parameter.
     */
    @Test
    void everyQueryParameterOutOfItsSchemaIs400NamingIt() {
        JsonNode document = servedDocument();
        List<String> faults = new ArrayList<>();
        int cases = 0;
        for (DocumentedOperations.Operation operation : DocumentedOperations.protectedOf(document)) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (SchemaViolations.QueryCase bad : SchemaViolations.ofQuery(document, operation.parameters())) {
                cases++;
                Response response = given().auth().oauth2(admin()).queryParams(bad.query()).when().get(operation.path());
                if (!isInvalidNaming(response, "violations.findAll { it.in == 'query' }.field", bad.parameter())) {
                    faults.add(operation + " " + bad + ": " + response.statusCode() + " " + abbreviated(response.asString()));
                }
            }
        }
        assertThat(cases).as("queries tried").isPositive();
        System.out.printf("Bad input: %d queries broken in one parameter each%n", cases);
        assertThat(faults).as("answers to %d broken queries", cases).isEmpty();
    }

    @Test
    void aRoleThatIsNotAllowedIs403() {
        problem(given().auth().oauth2(tokenWithoutTheRole()).when().get(listPath()).then(), 403, "forbidden");
    }

    @Test
    void anUnknownPathIs404AndAnUnknownIdIs404() {
        problem(given().auth().oauth2(admin()).when().get("/api/v1/no-such-thing").then(), 404, "not-found");
        problem(given().auth().oauth2(admin()).when().get(itemPath(UUID.randomUUID().toString())).then(), 404, "not-found");
    }

    @Test
    void aMethodThePathDoesNotOfferIs405() {
        problem(given().auth().oauth2(admin()).when().delete(listPath()).then(), 405, "method-not-allowed");
    }

    @Test
    void parametersThatCannotBeReadAre400NamingThem() {
        problem(given().auth().oauth2(admin()).when().get(withQuery("page=first")).then(), 400, "invalid-request")
                .body("violations[0].field", equalTo("page")).body("violations[0].in", equalTo("query"));
        problem(given().auth().oauth2(admin()).when().get(withQuery("size=100000")).then(), 400, "invalid-request")
                .body("violations[0].field", equalTo("size"));
        problem(given().auth().oauth2(admin()).when().get(itemPath("not-a-uuid")).then(), 400, "invalid-request")
                .body("violations[0].in", equalTo("path"));
    }

    @Test
    void malformedOrDeeplyNestedJsonIs400() {
        problem(send("{\"broken\": ", ContentType.JSON), 400, "invalid-request")
                .body("violations[0].in", equalTo("body"));
        problem(send("[".repeat(5_000) + "]".repeat(5_000), ContentType.JSON), 400, "invalid-request");
    }

    @Test
    void aFieldTheApiDoesNotHaveIs400NamingIt() {
        problem(send("{\"aFieldThatDoesNotExist\": 1}", ContentType.JSON), 400, "invalid-request")
                .body("violations.field", hasItem("aFieldThatDoesNotExist"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        problem(send("odsCode=RGD", ContentType.TEXT), 415, "unsupported-media-type");
    }

    @Test
    void everyResponseCarriesTheRequestIdItWasGivenOrANewOne() {
        given().auth().oauth2(admin()).header("X-Request-Id", "contract-123").when().get(listPath())
                .then().statusCode(200).header("X-Request-Id", "contract-123");
        problem(given().header("X-Request-Id", "contract-456").when().get(listPath()).then(), 401, "unauthorized")
                .header("X-Request-Id", "contract-456").body("requestId", equalTo("contract-456"));
        given().auth().oauth2(admin()).when().get(listPath())
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        String insane = "x".repeat(300);
        assertThat(given().auth().oauth2(admin()).header("X-Request-Id", insane).when().get(listPath())
                .then().extract().header("X-Request-Id")).isNotEqualTo(insane);
    }

    private static JsonNode servedDocument() {
        try {
            return new ObjectMapper().readTree(given().when().get(OpenApiResponseValidator.APPLICATION_DOCUMENT)
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException("The served OpenAPI document is not JSON", e);
        }
    }

    /** The operation's request with a well-formed (if empty) body where it takes one, so that only the token is wrong. */
    private static RequestSpecification request(DocumentedOperations.Operation operation) {
        RequestSpecification request = given();
        if (operation.takesBody()) {
            request = request.contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("{}");
        }
        return request;
    }

    /** What is wrong with the answer, if anything, when it should be this refusal as a problem document. */
    private static List<String> refusal(RequestSpecification request, DocumentedOperations.Operation operation, int status,
            String kind, String because) {
        Response response = request.when().request(operation.method(), operation.path());
        boolean refused = response.statusCode() == status && response.contentType().startsWith(PROBLEM)
                && ("/problems/" + kind).equals(response.path("type"));
        return refused ? List.of()
                : List.of(operation + " with " + because + ": " + response.statusCode() + " " + abbreviated(response.asString()));
    }

    /** A 400 problem whose violations, those {@code fields} selects, name {@code field}. */
    private static boolean isInvalidNaming(Response response, String fields, String field) {
        return response.statusCode() == 400 && response.contentType().startsWith(PROBLEM)
                && response.jsonPath().getList(fields, String.class).contains(field);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private String withQuery(String parameter) {
        return listPath() + (listPath().contains("?") ? "&" : "?") + parameter;
    }

    private ValidatableResponse send(String body, ContentType type) {
        return given().auth().oauth2(admin()).contentType(type).header("Idempotency-Key", "contract-" + UUID.randomUUID())
                .body(body).when().request(bodyMethod(), bodyPath()).then();
    }

    /** The problem document every refusal carries, the same in every service. */
    private static ValidatableResponse problem(ValidatableResponse response, int status, String kind) {
        return response.statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("/problems/" + kind))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body("requestId", notNullValue())
                .body("violations", notNullValue())
                .header("X-Request-Id", notNullValue());
    }
}
