package uk.org.lxp.gateway;

import java.time.Duration;
import java.util.Set;

/** One line of the route table: requests with this method under this prefix go to this service. */
public record Route(String method, String pathPrefix, String service, Duration timeout, Set<String> roles) {

    public static final String ANY_METHOD = "*";

    public Route {
        roles = Set.copyOf(roles);
    }

    boolean covers(String path) {
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }

    boolean accepts(String requestMethod) {
        return method.equals(ANY_METHOD) || method.equalsIgnoreCase(requestMethod);
    }

    public boolean allowsAnyOf(Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
