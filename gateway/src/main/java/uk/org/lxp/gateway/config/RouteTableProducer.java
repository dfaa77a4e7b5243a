package uk.org.lxp.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import uk.org.lxp.gateway.RouteTable;

public class RouteTableProducer {

    private static final String RESOURCE = "routes.conf";

    /**
     * The table of routes.conf, plus each service's operations routes. Every service named in the table must have a
     * URL configured: a route to nowhere stops start-up.
     */
    @Produces
    @ApplicationScoped
    RouteTable routeTable(GatewayConfig config) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            RouteTable table = RouteTable.parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")))
                    .withOperationsOf(config.services().keySet());
            for (String service : table.services()) {
                if (!config.services().containsKey(service)) {
                    throw new IllegalStateException("No lxp.gateway.services." + service + ".url for the route table");
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
