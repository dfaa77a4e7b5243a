package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import uk.org.lxp.gateway.service.DownstreamProxy;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(ReplicatedDownstream.class)
class GatewayInstancesTest {

    private static final String ORGANISATION = "/api/v1/organisations/RGD";
    private static final String DROPPED_READ = "/api/v1/organisations/DROP";
    /** A read that holds the instance's only connection for six seconds. */
    private static final String SLOW = "/api/v1/organisations/SLOW";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** A write every instance accepts, except where a test makes one drop it. */
    private static final String WRITE = "/api/v1/organisations";

    @Inject
    DownstreamProxy proxy;

    private final String token = OidcTestServer.shared().token().clientId("client-" + UUID.randomUUID())
            .roles("lxp-admin").signed();

    @BeforeEach
    void bothInstancesAnswer() {
        for (WireMockServer instance : instances()) {
            answer(instance);
        }
        // A breaker another test opened closes when its trial succeeds, one request at a time.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(200);
            return proxy.instancesOf("roles-service").instances().stream()
                    .allMatch(instance -> instance.breaker().state() == CircuitBreaker.State.CLOSED);
        });
        for (WireMockServer instance : instances()) {
            instance.resetRequests();
        }
    }

    @Test
    void requestsAreSharedBetweenTheInstances() {
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(200);
        }

        assertThat(ReplicatedDownstream.first.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).hasSize(2);
        assertThat(ReplicatedDownstream.second.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).hasSize(2);
    }

    @Test
    void whileAnInstanceIsDownEveryRequestGoesToTheOtherAndOnceBackItGetsItsShareAgain() {
        ReplicatedDownstream.first.stop();

        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(200);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"odsCode\":\"RGD\"}")
                    .when().post(WRITE).then().statusCode(201);
        }
        ServiceInstances.Instance stopped = proxy.instancesOf("roles-service").instances().get(0);
        assertThat(stopped.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(ReplicatedDownstream.second.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).hasSize(10);
        assertThat(ReplicatedDownstream.second.findAll(postRequestedFor(urlEqualTo(WRITE)))).hasSize(10);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.'roles-service'",
                        equalTo("UP: 1 of 2 instances ready"));

        ReplicatedDownstream.first = ReplicatedDownstream.startOn(ReplicatedDownstream.FIRST_PORT);
        answer(ReplicatedDownstream.first);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(200);
            assertThat(ReplicatedDownstream.first.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).isNotEmpty();
        });
        assertThat(stopped.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.'roles-service'", equalTo("UP"));
    }

    @Test
    void aReadAnInstanceDropsIsAnsweredByTheOtherButAWriteIsNeverSentTwice() {
        ReplicatedDownstream.first.stubFor(get(urlEqualTo(DROPPED_READ))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ReplicatedDownstream.first.stubFor(post(urlEqualTo(WRITE))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ReplicatedDownstream.second.stubFor(post(urlEqualTo(WRITE))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get(DROPPED_READ).then().statusCode(200).body("odsCode", equalTo("DROP"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"odsCode\":\"RGD\"}")
                .when().post(WRITE).then().statusCode(502).contentType("application/problem+json");

        assertThat(ReplicatedDownstream.first.findAll(getRequestedFor(urlEqualTo(DROPPED_READ)))).hasSize(1);
        assertThat(ReplicatedDownstream.second.findAll(getRequestedFor(urlEqualTo(DROPPED_READ)))).hasSize(2);
        assertThat(ReplicatedDownstream.first.findAll(postRequestedFor(urlEqualTo(WRITE))).size()
                + ReplicatedDownstream.second.findAll(postRequestedFor(urlEqualTo(WRITE))).size())
                .as("the write went to one instance only").isEqualTo(1);
    }

    @Test
    void aReadWithABodyIsNotSentAgainOnceAnInstanceHasReadIt() throws Exception {
        ReplicatedDownstream.first.stubFor(get(urlEqualTo(DROPPED_READ))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + DROPPED_READ))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .method("GET", HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 502);
        assertThat(ReplicatedDownstream.second.findAll(getRequestedFor(urlEqualTo(DROPPED_READ)))).hasSize(1);
    }

    @Test
    void anInstanceTooBusyToTakeARequestIsPassedOverForOneThatIsNot() {
        CompletableFuture<HttpResponse<String>> held = send(SLOW);
        WireMockServer busy = await().atMost(Duration.ofSeconds(5)).until(() -> instances().stream()
                .filter(instance -> !instance.findAll(getRequestedFor(urlEqualTo(SLOW))).isEmpty()).findFirst(),
                Optional::isPresent).orElseThrow();
        WireMockServer idle = busy == ReplicatedDownstream.first ? ReplicatedDownstream.second : ReplicatedDownstream.first;

        // Taken in turn, one of the two falls to the busy instance: it waits there for a connection, then goes on.
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(200).body("odsCode", equalTo("RGD"));
        }

        assertThat(busy.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).isEmpty();
        assertThat(idle.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).hasSize(2);
        assertThat(held.join().statusCode()).isEqualTo(200);
        assertThat(proxy.instancesOf("roles-service").instances())
                .allSatisfy(instance -> assertThat(instance.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED));
    }

    @Test
    void whenEveryInstanceIsTooBusyTheCallerIsToldToComeBackSoon() {
        List<CompletableFuture<HttpResponse<String>>> held = List.of(send(SLOW), send(SLOW));
        await().atMost(Duration.ofSeconds(5)).until(() -> instances().stream()
                .allMatch(instance -> !instance.findAll(getRequestedFor(urlEqualTo(SLOW))).isEmpty()));

        given().auth().oauth2(token).when().get(ORGANISATION).then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1")
                .body("detail", containsString("roles-service is busy"));

        assertThat(held).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(200));
        assertThat(instances()).allSatisfy(instance ->
                assertThat(instance.findAll(getRequestedFor(urlEqualTo(ORGANISATION)))).isEmpty());
        assertThat(proxy.instancesOf("roles-service").instances())
                .allSatisfy(instance -> assertThat(instance.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED));
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<WireMockServer> instances() {
        return List.of(ReplicatedDownstream.first, ReplicatedDownstream.second);
    }

    private static void answer(WireMockServer instance) {
        instance.resetAll();
        instance.stubFor(get(urlEqualTo(ORGANISATION)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"odsCode\":\"RGD\"}")));
        instance.stubFor(get(urlEqualTo(DROPPED_READ)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"odsCode\":\"DROP\"}")));
        instance.stubFor(post(urlEqualTo(WRITE)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"odsCode\":\"RGD\"}")));
        instance.stubFor(get(urlEqualTo(SLOW)).willReturn(aResponse().withStatus(200).withFixedDelay(6_000)
                .withHeader("Content-Type", "application/json").withBody("{\"odsCode\":\"SLOW\"}")));
        instance.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":\"UP\"}")));
    }
}
