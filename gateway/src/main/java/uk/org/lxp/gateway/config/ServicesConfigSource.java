package uk.org.lxp.gateway.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import uk.org.lxp.http.SuiteServices;

/**
 * The gateway's settings that follow from the suite's service list, so that a new service is declared once in
 * deploy/services.conf: where each service listens ({@code lxp.gateway.services.<name>.url}, moved by its
 * {@code <SERVICE>_URL} variable) and its API document in Swagger UI. Below application.properties in priority.
 */
public class ServicesConfigSource implements ConfigSource {

    private static final int BELOW_APPLICATION_PROPERTIES = 200;

    private final Map<String, String> properties = new HashMap<>();

    public ServicesConfigSource() {
        for (SuiteServices.Service service : SuiteServices.fromClasspath(ServicesConfigSource.class.getClassLoader())) {
            properties.put("lxp.gateway.services." + service.name() + ".url",
                    "${" + service.urlVariable() + ":" + service.localUrl() + "}");
            properties.put("quarkus.swagger-ui.urls." + service.name(), "/openapi/" + service.name());
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "deploy/services.conf";
    }

    @Override
    public int getOrdinal() {
        return BELOW_APPLICATION_PROPERTIES;
    }
}
