package uk.org.lxp.gateway;

import java.time.Duration;
import java.util.Set;

/** One line of the route table: requests with this method under this prefix go to this service. */
public record Route(String method, String pathPrefix, String service, Duration timeout, Set<String> roles) {

    public static final String ANY_METHOD = "*";
    /** The roles of a route open to anyone: the service behind it checks its own key (e.g. a calendar feed's token). */
    public static final String PUBLIC = "public";

    public Route {
        roles = Set.copyOf(roles);
        if (roles.contains(PUBLIC) && roles.size() > 1) {
            throw new IllegalArgumentException("A public route names no other roles: " + method + " " + pathPrefix);
        }
    }

    boolean covers(String path) {
        return path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
    }

    boolean accepts(String requestMethod) {
        return method.equals(ANY_METHOD) || method.equalsIgnoreCase(requestMethod);
    }

    public boolean isPublic() {
        return roles.contains(PUBLIC);
    }

    public boolean allowsAnyOf(Set<String> callerRoles) {
        return callerRoles.stream().anyMatch(roles::contains);
    }
}
