package uk.org.lxp.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The parsed route table (see {@code routes.conf}): longest prefix wins, then the method must match. */
public final class RouteTable {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");

    /** Every service offers its operators' endpoints (e.g. dead letters) under this prefix and its own name. */
    public static final String OPERATIONS_PREFIX = "/api/v1/services/";
    private static final Duration OPERATIONS_TIMEOUT = Duration.ofSeconds(60);

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((Route route) -> route.pathPrefix().length()).reversed())
                .toList();
    }

    public sealed interface Match {
    }

    public record Found(Route route) implements Match {
    }

    /** The path is routed, but not for this method. */
    public record MethodNotAllowed(Set<String> allowed) implements Match {
    }

    public record NotRouted() implements Match {
    }

    public Match match(String method, String path) {
        Set<String> allowed = new HashSet<>();
        int matchedPrefixLength = -1;
        for (Route route : routes) {
            if (!route.covers(path)) {
                continue;
            }
            if (matchedPrefixLength > route.pathPrefix().length()) {
                break;
            }
            matchedPrefixLength = route.pathPrefix().length();
            if (route.accepts(method)) {
                return new Found(route);
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NotRouted() : new MethodNotAllowed(allowed);
    }

    /** This table with each service's operations routes added, for lxp-admin only. */
    public RouteTable withOperationsOf(Collection<String> services) {
        List<Route> all = new ArrayList<>(routes);
        services.forEach(service -> all.add(new Route(Route.ANY_METHOD, OPERATIONS_PREFIX + service, service,
                OPERATIONS_TIMEOUT, Set.of("lxp-admin"))));
        return new RouteTable(all);
    }

    public List<Route> routes() {
        return routes;
    }

    public Set<String> services() {
        Set<String> services = new HashSet<>();
        routes.forEach(route -> services.add(route.service()));
        return services;
    }

    /** Parses the table; a malformed line stops the gateway at start-up rather than routing wrongly. */
    public static RouteTable parse(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            if (cells.length < 5) {
                throw new IllegalArgumentException("Route line " + (i + 1) + " needs METHOD PREFIX SERVICE TIMEOUT ROLES: " + line);
            }
            if (!cells[1].startsWith("/") || cells[1].endsWith("/")) {
                throw new IllegalArgumentException("Route line " + (i + 1) + ": prefix must start and not end with /");
            }
            routes.add(new Route(cells[0].toUpperCase(), cells[1], cells[2], duration(cells[3], i + 1),
                    Set.copyOf(Arrays.asList(cells).subList(4, cells.length))));
        }
        return new RouteTable(routes);
    }

    private static Duration duration(String text, int line) {
        var matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Route line " + line + ": timeout '" + text + "' is not like 10s or 500ms");
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }
}
