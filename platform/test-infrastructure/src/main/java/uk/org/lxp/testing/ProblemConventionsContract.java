package uk.org.lxp.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

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

    @Test
    void aTokenThatIsNotValidHereIs401() {
        OidcTestServer oidc = OidcTestServer.shared();
        for (String token : new String[] {
                oidc.token().roles("lxp-admin").lifetime(Duration.ofMinutes(-5)).signed(),
                oidc.token().roles("lxp-admin").audience("another-api").signed(),
                oidc.token().roles("lxp-admin").issuer("http://127.0.0.1:1/realms/elsewhere").signed(),
                oidc.token().roles("lxp-admin").unsigned(),
                oidc.token().roles("lxp-admin").signedWithUnknownKey(),
                oidc.token().roles("lxp-admin").hmacSignedWithPublicKey()}) {
            problem(given().auth().oauth2(token).when().get(listPath()).then(), 401, "unauthorized");
        }
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
