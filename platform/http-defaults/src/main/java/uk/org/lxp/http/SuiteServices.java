package uk.org.lxp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's services as {@code deploy/services.conf} declares them, read the same way by the gateway (its routes'
 * targets and API documents), the local stack (what it starts) and the checks. Plain Java: the local stack reads it
 * without Quarkus.
 */
public final class SuiteServices {

    public static final String RESOURCE = "services.conf";

    /** One service: its name (also its module and application name), its port on one machine, its database. */
    public record Service(String name, int localPort, String database) {

        /** The environment variable that gives the service's address to the gateway, e.g. ROLES_SERVICE_URL. */
        public String urlVariable() {
            return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        }

        public String localUrl() {
            return "http://127.0.0.1:" + localPort;
        }
    }

    private SuiteServices() {
    }

    public static List<Service> parse(List<String> lines) {
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+");
            if (cells.length != 3 || !cells[0].matches("[a-z][a-z0-9-]*") || !cells[1].matches("\\d{2,5}")
                    || !cells[2].matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + " is not SERVICE PORT DATABASE: " + line);
            }
            services.add(new Service(cells[0], Integer.parseInt(cells[1]), cells[2]));
        }
        return List.copyOf(services);
    }

    public static List<Service> read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The list an application was built with (the gateway copies deploy/services.conf into its classpath). */
    public static List<Service> fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
