package uk.org.lxp.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import uk.org.lxp.testing.OidcTestProvider;
import uk.org.lxp.testing.OidcTestServer;
import uk.org.lxp.testing.TestToken;
import uk.org.lxp.testing.TokenAttacks;

/**
 * Generated from the route table, so that a route added later is attacked without a line of test code: at the gateway
 * every protected route refuses every token it must not believe (401), and every role the route does not name (403),
 * both as problem documents and before anything reaches a service; every role it names gets through.
 */
@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(DownstreamServices.class)
class RouteAttacksTest {

    @Inject
    RouteTable routes;

    @Test
    void everyProtectedRouteRefusesEveryTokenItMustNotBelieveAndForwardsNothing() {
        List<TokenAttacks.Attack> attacks = TokenAttacks.against(() -> token("lxp-admin"));
        assertThat(protectedRoutes()).isNotEmpty();
        int forwardedBefore = forwarded();
        List<String> faults = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            for (TokenAttacks.Attack attack : attacks) {
                Response answer = attack.applyTo(request(route)).when().request(method(route), route.pathPrefix());
                faults.addAll(unlessRefused(answer, route, attack.name(), 401, "unauthorized"));
            }
        }
        assertThat(faults).as("%d routes x %d attacks", protectedRoutes().size(), attacks.size()).isEmpty();
        assertThat(forwarded()).as("requests that reached a service").isEqualTo(forwardedBefore);
        assertThat(OidcTestServer.shared().attackersKeysFetched()).as("fetches of the attacker's jku").isZero();
    }

    @Test
    void everyProtectedRouteLetsInTheRolesItNamesAndRefusesEveryOtherRole() {
        List<String> faults = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            for (String role : realmRoles()) {
                int forwardedBefore = forwarded();
                Response answer = request(route).auth().oauth2(token(role).organisations("RXT").icb("QHM").signed())
                        .when().request(method(route), route.pathPrefix());
                if (!route.roles().contains(role)) {
                    faults.addAll(unlessRefused(answer, route, role, 403, "forbidden"));
                    if (forwarded() != forwardedBefore) {
                        faults.add(route.method() + " " + route.pathPrefix() + " forwarded " + role + "'s request");
                    }
                } else if (!reachedItsService(route, forwardedBefore, answer)) {
                    faults.add(route.method() + " " + route.pathPrefix() + " did not pass on " + role + "'s request, though"
                            + " it names the role: " + answer.statusCode());
                }
            }
        }
        assertThat(faults).as("%d routes x %d roles", protectedRoutes().size(), realmRoles().size()).isEmpty();
    }

    @Test
    void everyProtectedRouteRefusesAGenuineTokenWithNoRoleOfTheSuite() {
        int forwardedBefore = forwarded();
        List<String> faults = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            Response answer = request(route).auth().oauth2(token("offline_access", "uma_authorization").signed())
                    .when().request(method(route), route.pathPrefix());
            faults.addAll(unlessRefused(answer, route, "no role of the suite", 403, "forbidden"));
        }
        assertThat(faults).isEmpty();
        assertThat(forwarded()).isEqualTo(forwardedBefore);
    }

    /** A stand-in service received it; pay-equity-service's stand-in is down, so there the gateway says so (503). */
    private static boolean reachedItsService(Route route, int forwardedBefore, Response answer) {
        return route.service().equals("pay-equity-service") ? answer.statusCode() == 503 : forwarded() > forwardedBefore;
    }

    private List<Route> protectedRoutes() {
        return routes.routes().stream().filter(route -> !route.isPublic()).toList();
    }

    /** Every role some route names: the suite's realm roles. */
    private Set<String> realmRoles() {
        Set<String> roles = new TreeSet<>();
        protectedRoutes().forEach(route -> roles.addAll(route.roles()));
        return roles;
    }

    private static String method(Route route) {
        return route.method().equals(Route.ANY_METHOD) ? "GET" : route.method();
    }

    private static RequestSpecification request(Route route) {
        RequestSpecification request = given();
        if (method(route).equals("POST") || method(route).equals("PUT")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request;
    }

    private static List<String> unlessRefused(Response answer, Route route, String because, int status, String kind) {
        boolean refused = answer.statusCode() == status && answer.contentType().startsWith("application/problem+json")
                && ("/problems/" + kind).equals(answer.path("type"));
        return refused ? List.of()
                : List.of(route.method() + " " + route.pathPrefix() + " with " + because + ": " + answer.statusCode());
    }

    /** Requests the stand-in services have received (pay-equity-service's is down: nothing reaches it). */
    private static int forwarded() {
        return DownstreamServices.roles.getAllServeEvents().size() + DownstreamServices.supervision.getAllServeEvents().size();
    }

    /** A client id of its own per token, so that the gateway's rate limit per client never interferes. */
    private static TestToken token(String... roles) {
        return OidcTestServer.shared().token().clientId("attack-" + UUID.randomUUID()).roles(roles);
    }
}
