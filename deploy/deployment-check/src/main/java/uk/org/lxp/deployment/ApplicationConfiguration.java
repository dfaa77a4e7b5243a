package uk.org.lxp.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.org.lxp.http.SuiteServices;

/**
 * What an application can be configured with, read from its code: the keys of its application.properties and of the
 * platform libraries it is built on, the keys its Java code reads ({@code @ConfigProperty}, {@code @ConfigMapping},
 * {@code ${key}} expressions) and the environment variables its settings name ({@code ${DB_URL:...}}). An environment
 * variable is one of those variables, or a key in MicroProfile's environment form (QUARKUS_HTTP_PORT).
 */
public final class ApplicationConfiguration {

    /**
     * Quarkus settings an operator may want to set in a deployment without the application naming them. Anything
     * else must be a key the application or its libraries set or read.
     */
    static final Set<String> OPERATOR_QUARKUS_KEYS = Set.of("quarkus.http.port", "quarkus.log.level",
            "quarkus.datasource.jdbc.max-size", "quarkus.otel.exporter.otlp.traces.endpoint");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)\\s*"
            + "public\\s+interface\\s+(\\w+)");
    private static final Pattern COMMENT_OR_ANNOTATION = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|@\\w+(\\([^)]*\\))?",
            Pattern.DOTALL);
    private static final Pattern MAPPING_METHOD = Pattern.compile("([\\w<>, ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern NESTED_INTERFACE = Pattern.compile("interface\\s+\\w+");
    private static final String LOOPBACK = "127.0.0.1";

    private final Set<String> keys = new TreeSet<>();
    private final Set<Pattern> keyPatterns = new LinkedHashSet<>();
    private final Set<String> variables = new TreeSet<>();
    private final List<Requirement> requirements = new ArrayList<>();

    /** A setting the deployment must give: by its own key in environment form, or by one of the variables its value names. */
    public record Requirement(String key, Set<String> satisfiedBy) {
    }

    private ApplicationConfiguration() {
    }

    /** The application's configuration, from its module and the platform libraries it depends on (transitively). */
    public static ApplicationConfiguration of(Suite suite, Suite.Application application) {
        ApplicationConfiguration configuration = new ApplicationConfiguration();
        for (Path module : suite.modulesOf(application)) {
            for (Path file : List.of(module.resolve("src/main/resources/application.properties"),
                    module.resolve("src/main/resources/META-INF/microprofile-config.properties"))) {
                if (Files.isRegularFile(file)) {
                    configuration.addProperties(Properties.read(file));
                }
            }
            for (Path source : Suite.javaSources(module.resolve("src/main/java"))) {
                configuration.addJava(Suite.read(source), suite.services());
            }
        }
        OPERATOR_QUARKUS_KEYS.forEach(configuration.keys::add);
        return configuration;
    }

    void addProperties(Map<String, String> properties) {
        properties.forEach((key, value) -> {
            boolean profiled = key.startsWith("%");
            String plainKey = profiled ? key.substring(key.indexOf('.') + 1) : key;
            keys.add(plainKey);
            Set<String> named = new TreeSet<>();
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                if (ENVIRONMENT_NAME.matcher(expression.group(1)).matches()) {
                    variables.add(expression.group(1));
                    named.add(expression.group(1));
                } else {
                    keys.add(expression.group(1));
                }
            }
            // A loopback address or a login only works on a developer's machine: a deployment must say what to use.
            boolean machineSpecific = value.contains(LOOPBACK) || plainKey.endsWith(".username") || plainKey.endsWith(".password");
            if (!profiled && machineSpecific) {
                Set<String> satisfiedBy = new TreeSet<>(named);
                satisfiedBy.add(environmentName(plainKey));
                requirements.add(new Requirement(plainKey, satisfiedBy));
            }
        });
    }

    void addJava(String source, List<SuiteServices.Service> services) {
        Matcher property = CONFIG_PROPERTY.matcher(source);
        while (property.find()) {
            keys.add(property.group(1));
        }
        Matcher expression = EXPRESSION.matcher(source);
        while (expression.find()) {
            if (!ENVIRONMENT_NAME.matcher(expression.group(1)).matches()) {
                keys.add(expression.group(1));
            }
        }
        Matcher mapping = CONFIG_MAPPING.matcher(source);
        if (mapping.find()) {
            addMapping(source, mapping.group(2), mapping.group(1));
        }
        // The gateway's ServicesConfigSource gives each service's address the default http://127.0.0.1:<port>,
        // moved by <SERVICE>_URL: a deployment must set every one.
        if (source.contains("implements ConfigSource") && source.contains("urlVariable()")) {
            for (SuiteServices.Service service : services) {
                variables.add(service.urlVariable());
                requirements.add(new Requirement("lxp.gateway.services." + service.name() + ".url",
                        Set.of(service.urlVariable())));
            }
        }
    }

    /** The keys of a {@code @ConfigMapping} interface: a method per key, nested interfaces as groups, maps as {@code *}. */
    private void addMapping(String source, String interfaceName, String prefix) {
        for (Matcher method = MAPPING_METHOD.matcher(body(source, interfaceName)); method.find();) {
            String type = method.group(1).strip();
            String key = prefix + "." + kebab(method.group(2));
            String nested = type.replaceFirst("^(Optional|List)<(\\w+)>$", "$2");
            if (type.startsWith("Map<")) {
                String valueType = type.substring(type.lastIndexOf(',') + 1, type.length() - 1).strip();
                nested = valueType;
                key = key + ".*";
            }
            if (hasInterface(source, nested)) {
                addMapping(source, nested, key);
            } else if (key.contains("*")) {
                keyPatterns.add(Pattern.compile(Pattern.quote(environmentName(key)).replace("\\*", "\\E[A-Z0-9_]+\\Q")));
            } else {
                keys.add(key);
            }
        }
    }

    private static boolean hasInterface(String source, String name) {
        return Pattern.compile("interface\\s+" + Pattern.quote(name) + "\\s*\\{").matcher(source).find();
    }

    /** The text of an interface's own body, its nested interfaces left out. */
    private static String body(String source, String interfaceName) {
        Matcher start = Pattern.compile("interface\\s+" + Pattern.quote(interfaceName) + "\\s*\\{").matcher(source);
        if (!start.find()) {
            return "";
        }
        StringBuilder own = new StringBuilder();
        int depth = 0;
        for (int i = start.end(); i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0) {
                own.append(c);
            }
        }
        return COMMENT_OR_ANNOTATION.matcher(NESTED_INTERFACE.matcher(own).replaceAll("")).replaceAll("");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** MicroProfile Config's environment form of a key: upper case, every other character an underscore. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Whether setting this environment variable configures the application. */
    public boolean reads(String variable) {
        return variables.contains(variable)
                || keys.stream().anyMatch(key -> environmentName(key).equals(variable))
                || keyPatterns.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
    }

    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }
}
