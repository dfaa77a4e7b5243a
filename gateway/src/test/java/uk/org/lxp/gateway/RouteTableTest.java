package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = RouteTable.parse(List.of(
            "# comment",
            "GET   /api/v1/posts          roles-service  10s    lxp-admin hr-integration",
            "POST  /api/v1/posts          roles-service  30s    hr-integration",
            "*     /api/v1/posts/bulk     roles-service  500ms  lxp-admin",
            ""));

    @Test
    void theLongestPrefixWinsAndItsMethodMustMatch() {
        assertThat(table.match("GET", "/api/v1/posts/bulk")).isInstanceOfSatisfying(RouteTable.Found.class,
                found -> assertThat(found.route().timeout()).isEqualTo(Duration.ofMillis(500)));
        assertThat(table.match("GET", "/api/v1/posts/123")).isInstanceOfSatisfying(RouteTable.Found.class,
                found -> assertThat(found.route().roles()).containsExactlyInAnyOrder("lxp-admin", "hr-integration"));
        assertThat(table.match("POST", "/api/v1/posts")).isInstanceOfSatisfying(RouteTable.Found.class,
                found -> assertThat(found.route().timeout()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void aPrefixIsAPathSegmentNotAStringPrefix() {
        assertThat(table.match("GET", "/api/v1/postsandmore")).isInstanceOf(RouteTable.NotRouted.class);
        assertThat(table.match("GET", "/api/v1")).isInstanceOf(RouteTable.NotRouted.class);
    }

    @Test
    void aRoutedPathWithAnotherMethodSaysWhichAreAllowed() {
        assertThat(table.match("DELETE", "/api/v1/posts/123")).isInstanceOfSatisfying(
                RouteTable.MethodNotAllowed.class,
                notAllowed -> assertThat(notAllowed.allowed()).containsExactlyInAnyOrder("GET", "POST"));
    }

    @Test
    void rolesAreAnyOf() {
        Route route = ((RouteTable.Found) table.match("GET", "/api/v1/posts")).route();
        assertThat(route.allowsAnyOf(Set.of("practitioner", "hr-integration"))).isTrue();
        assertThat(route.allowsAnyOf(Set.of("practitioner"))).isFalse();
    }

    @Test
    void malformedLinesStopStartUp() {
        assertThatThrownBy(() -> RouteTable.parse(List.of("GET /api/v1/x roles-service 10s")))
                .hasMessageContaining("needs METHOD PREFIX SERVICE TIMEOUT ROLES");
        assertThatThrownBy(() -> RouteTable.parse(List.of("GET /api/v1/x/ roles-service 10s lxp-admin")))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> RouteTable.parse(List.of("GET /api/v1/x roles-service soon lxp-admin")))
                .hasMessageContaining("timeout");
    }

    @Test
    void aPublicRouteNamesNoOtherRole() {
        assertThat(RouteTable.parse(List.of("GET /api/v1/calendars supervision-service 10s public")).routes().get(0)
                .isPublic()).isTrue();
        assertThatThrownBy(() -> RouteTable.parse(List.of("GET /api/v1/calendars supervision-service 10s public lxp-admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public");
    }
}
