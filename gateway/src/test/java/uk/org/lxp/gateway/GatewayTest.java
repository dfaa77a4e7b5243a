package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;
import uk.org.lxp.testing.TestToken;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(DownstreamServices.class)
class GatewayTest {

    @BeforeEach
    void servicesAnswer() {
        DownstreamServices.roles.stubFor(get(urlPathEqualTo("/api/v1/organisations"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}")));
        DownstreamServices.roles.stubFor(post(urlEqualTo("/api/v1/organisations"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/api/v1/organisations/RXT")
                        .withHeader("Content-Type", "application/json").withBody("{\"odsCode\":\"RXT\"}")));
        DownstreamServices.supervision.stubFor(get(urlPathEqualTo("/api/v1/supervisors"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));
        DownstreamServices.supervision.stubFor(get(urlPathEqualTo("/api/v1/supervisors/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(12_000)));
    }

    /** A token of its own client id per test, so that rate limits of one test never touch another. */
    private static TestToken token(String... roles) {
        return OidcTestServer.shared().token().clientId("client-" + UUID.randomUUID()).roles(roles);
    }

    @Test
    void aValidTokenWithTheRightRoleIsProxiedAndTheTokenRelayedUnchanged() {
        String hr = token("hr-integration").organisations("RXT").signed();
        given().auth().oauth2(hr).header("X-Request-Id", "req-123")
                .when().get("/api/v1/supervisors?organisation=RXT")
                .then().statusCode(200)
                .header("X-Request-Id", "req-123")
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));

        DownstreamServices.supervision.verify(getRequestedFor(urlEqualTo("/api/v1/supervisors?organisation=RXT"))
                .withHeader("Authorization", equalTo("Bearer " + hr))
                .withHeader("X-Request-Id", equalTo("req-123")));
    }

    @Test
    void theAccessLogNamesThePathButNeverTheQueryStringWhichCanCarryStaffReferences() throws IOException {
        String requestId = "access-" + UUID.randomUUID();
        given().auth().oauth2(token("hr-integration").organisations("RXT").signed()).header("X-Request-Id", requestId)
                .when().get("/api/v1/supervisors?organisation=RXT&staffReference=E-104233")
                .then().statusCode(200);

        Path log = Path.of("target", "access.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readString(log).contains(requestId));
        String line = Files.readAllLines(log).stream().filter(entry -> entry.contains(requestId)).findFirst().orElseThrow();
        assertThat(line).contains("\"GET /api/v1/supervisors\" 200").doesNotContain("E-104233").doesNotContain("?");
    }

    @Test
    void requestBodiesAndResponseHeadersPassThrough() {
        String admin = token("lxp-admin").signed();
        String body = "{\"odsCode\":\"RXT\",\"name\":\"" + "x".repeat(1500) + "\"}";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", "/api/v1/organisations/RXT")
                .header("X-Request-Id", notNullValue());

        DownstreamServices.roles.verify(postRequestedFor(urlEqualTo("/api/v1/organisations"))
                .withRequestBody(equalTo(body))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}")));
    }

    @Test
    void everyBadTokenIsRejectedWithAProblem() {
        OidcTestServer oidc = OidcTestServer.shared();
        String valid = token("lxp-admin").signed();
        String[] payload = valid.split("\\.");
        String tampered = payload[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload[1])).replace("lxp-admin", "lxp-admin\",\"x\":\"y")
                        .getBytes()) + "." + payload[2];

        String[] rejected = {
            token("lxp-admin").lifetime(Duration.ofMinutes(-5)).signed(),
            token("lxp-admin").issuer("http://127.0.0.1:1/realms/other").signed(),
            token("lxp-admin").audience("another-api").signed(),
            token("lxp-admin").unsigned(),
            tampered,
            token("lxp-admin").hmacSignedWithPublicKey(),
            token("lxp-admin").signedWithUnknownKey(),
            "not-a-jwt",
        };
        given().when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        for (String bad : rejected) {
            given().auth().oauth2(bad).when().get("/api/v1/organisations")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(401));
        }
        assertThat(oidc.issuer()).startsWith("http://127.0.0.1:");
    }

    @Test
    void theRouteTableDecidesRolesPathsAndMethods() {
        given().auth().oauth2(token("practitioner").signed()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("lxp-admin"));
        given().auth().oauth2(token("practitioner").signed())
                .when().get("/api/v1/supervisors?organisation=RXT")
                .then().statusCode(403);
        given().auth().oauth2(token("lxp-admin").signed())
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("lxp-admin").signed())
                .when().delete("/api/v1/organisations/RXT")
                .then().statusCode(405).header("Allow", containsString("GET"));
    }

    @Test
    void aStoppedServiceGetsAPromptProblemWhileOtherRoutesKeepWorking() {
        String analyst = token("ics-analyst").icb("QHM").signed();
        given().auth().oauth2(analyst).when().get("/api/v1/pay-scales")
                .then().statusCode(503).contentType("application/problem+json")
                .time(lessThan(5_000L))
                .body("detail", containsString("pay-equity-service"));
        given().auth().oauth2(analyst).when().get("/api/v1/organisations")
                .then().statusCode(200);
    }

    @Test
    void repeatedFailuresOpenTheBreakerSoCallersAreToldWhenToComeBack() {
        String analyst = token("ics-analyst").signed();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(analyst).when().get("/api/v1/pay-scales/2025-26").then().statusCode(503);
        }
        given().auth().oauth2(analyst).when().get("/api/v1/pay-scales/2025-26")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("not sending it requests"));
    }

    @Test
    void readinessReportsEachDownstreamService() {
        DownstreamServices.roles.stubFor(get(urlEqualTo("/q/health/ready"))
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        DownstreamServices.supervision.stubFor(get(urlEqualTo("/q/health/ready"))
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"DOWN\"}")));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.'roles-service'",
                        org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.'supervision-service'",
                        org.hamcrest.Matchers.equalTo("DOWN"))
                .body("checks.find { it.name == 'downstream services' }.data.'pay-equity-service'",
                        org.hamcrest.Matchers.equalTo("DOWN"));
    }

    @Test
    void aSlowServiceTimesOutWith504() {
        given().auth().oauth2(token("lxp-admin").signed()).when().get("/api/v1/supervisors/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .time(lessThan(12_000L))
                .body("detail", containsString("supervision-service"));
    }

    @Test
    void tooLargeABodyIsRefusedBeforeItIsSent() {
        String admin = token("lxp-admin").signed();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"" + "x".repeat(DownstreamServices.MAX_BODY_BYTES) + "\"}")
                .when().post("/api/v1/organisations")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void eachClientIsRateLimitedAndToldWhenToComeBack() {
        String client = token("lxp-admin").signed();
        for (int i = 0; i < DownstreamServices.RATE_LIMIT; i++) {
            given().auth().oauth2(client).when().get("/api/v1/organisations").then().statusCode(200);
        }
        given().auth().oauth2(client).when().get("/api/v1/organisations")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        given().auth().oauth2(token("lxp-admin").signed()).when().get("/api/v1/organisations")
                .then().statusCode(200);
    }

    @Test
    void aPublicRouteIsPassedOnWithoutATokenAndOnlyThatRoute() {
        DownstreamServices.supervision.stubFor(get(urlPathEqualTo("/api/v1/calendars/feed.ics"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/calendar")
                        .withBody("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")));

        given().when().get("/api/v1/calendars/feed.ics?token=abc123")
                .then().statusCode(200).contentType("text/calendar");
        DownstreamServices.supervision.verify(getRequestedFor(urlEqualTo("/api/v1/calendars/feed.ics?token=abc123"))
                .withoutHeader("Authorization"));
        given().when().get("/api/v1/calendar-feeds?organisation=RXT").then().statusCode(401);
        given().when().post("/api/v1/calendars/feed.ics").then().statusCode(401);
    }

    /** The status of a GET sent from a loopback address of the test's choosing, so that its rate limit is its own. */
    private static int statusFrom(String localAddress, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aPublicRouteIsRateLimitedByTheCallersAddress() throws IOException {
        for (int i = 0; i < DownstreamServices.RATE_LIMIT; i++) {
            assertThat(statusFrom("127.0.0.2", "/api/v1/transparency")).isNotEqualTo(429);
        }
        assertThat(statusFrom("127.0.0.2", "/api/v1/transparency")).isEqualTo(429);
        assertThat(statusFrom("127.0.0.3", "/api/v1/transparency")).as("another address has its own limit")
                .isNotEqualTo(429);
    }
}
