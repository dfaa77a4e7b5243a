package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(NarrowDownstream.class)
class GatewayDownstreamLimitsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void rolesServiceAnswers() {
        NarrowDownstream.roles.resetAll();
        NarrowDownstream.roles.stubFor(get(urlEqualTo("/api/v1/organisations/RGD"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"odsCode\":\"RGD\"}")));
        NarrowDownstream.roles.stubFor(get(urlEqualTo("/api/v1/organisations/SLOW"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{\"odsCode\":\"SLOW\"}")));
        NarrowDownstream.roles.stubFor(get(urlEqualTo("/api/v1/organisations/HANG"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));
        NarrowDownstream.roles.stubFor(get(urlEqualTo("/api/v1/organisations/BROKEN"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    private static String token() {
        return OidcTestServer.shared().token().clientId("client-" + UUID.randomUUID()).roles("lxp-admin").signed();
    }

    @Test
    void requestsBeyondWhatTheServiceCanTakeGetAPrompt503AndTheBreakerStaysClosed() throws Exception {
        String token = token();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 3)
                .mapToObj(i -> HTTP.sendAsync(request("/api/v1/organisations/SLOW", token).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        await().atMost(Duration.ofSeconds(2)).until(() -> answers.stream().filter(CompletableFuture::isDone).count() == 2);
        // One request still holds the only connection: if the two turned away counted as failures, the breaker
        // (opening at two) would now refuse this one as "failing" at once instead of holding it as busy.
        HttpResponse<String> whileBusy = HTTP.send(request("/api/v1/organisations/RGD", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(whileBusy.statusCode()).isEqualTo(503);
        assertThat(whileBusy.body()).contains("roles-service is busy");
        List<HttpResponse<String>> answered = answers.stream().map(CompletableFuture::join).toList();

        assertThat(answered).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(answered).filteredOn(answer -> answer.statusCode() == 503).hasSize(2).allSatisfy(busy -> {
            assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body()).contains("roles-service is busy");
        });
        given().auth().oauth2(token).when().get("/api/v1/organisations/RGD").then().statusCode(200);
    }

    @Test
    void aCallerWhoHangsUpFreesTheConnectionForTheNextCaller() throws IOException {
        String token = token();
        try (Socket caller = new Socket()) {
            caller.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            OutputStream out = caller.getOutputStream();
            out.write(("GET /api/v1/organisations/HANG HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port
                    + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    !NarrowDownstream.roles.findAll(getRequestedFor(urlEqualTo("/api/v1/organisations/HANG"))).isEmpty());
        }

        // Held for the 8 s the service takes, the only connection would leave every caller a 503 after half a second.
        await().atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/organisations/RGD").then().statusCode(200));
    }

    @Test
    void anAnswerTheServiceBreaksOffNeverReachesTheCallerAsComplete() {
        String token = token();

        assertThatThrownBy(() -> HTTP.send(request("/api/v1/organisations/BROKEN", token).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }
}
