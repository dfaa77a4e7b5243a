package uk.org.lxp.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A MicroProfile properties file read as written: keys and raw values, expressions not expanded. */
final class Properties {

    private Properties() {
    }

    static Map<String, String> read(Path file) {
        return parse(Suite.read(file));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
                continue;
            }
            properties.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return properties;
    }
}
