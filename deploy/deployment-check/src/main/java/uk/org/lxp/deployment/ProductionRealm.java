package uk.org.lxp.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KeycloakRealmImport of deploy/kubernetes, made from deploy/keycloak/lxp-realm.json: the same realm without its
 * demo people and demo client, every client secret and the public address taken from Secrets at import time
 * (the operator's placeholders), never from the repository.
 */
public final class ProductionRealm {

    public static final Path REALM = Path.of("deploy/keycloak/lxp-realm.json");
    public static final Path REALM_IMPORT = Path.of("deploy/kubernetes/base/keycloak/realm-import.yaml");
    public static final String KEYCLOAK = "lxp-keycloak";
    public static final String CLIENT_SECRETS = "lxp-keycloak-client-secrets";
    public static final String REALM_SETTINGS = "lxp-keycloak-realm-settings";

    private static final String DEMO_PREFIX = "demo-";
    private static final String DEMO_CLIENT_PREFIX = "lxp-demo-";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final String PUBLIC_URL_PLACEHOLDER = "LXP_PUBLIC_URL";
    private static final String HEADER = """
            # Generated from deploy/keycloak/lxp-realm.json by deploy/deployment-check (RealmImportTest): do not edit.
            # Regenerate: ./mvnw -pl deploy/deployment-check verify -Dlxp.realm-import.write=true
            # The demo people and the demo client are left out; client secrets and the public address come from Secrets.
            """;

    private ProductionRealm() {
    }

    /** The realm import manifest, as written to deploy/kubernetes. */
    public static String manifest(Path root) {
        Map<String, Object> realm = readRealm(root.resolve(REALM));
        Map<String, Object> placeholders = new LinkedHashMap<>();
        placeholders.put(PUBLIC_URL_PLACEHOLDER, secretReference(REALM_SETTINGS, "public-url"));

        List<Map<String, Object>> clients = maps(realm.get("clients")).stream()
                .filter(client -> !String.valueOf(client.get("clientId")).startsWith(DEMO_CLIENT_PREFIX)).toList();
        for (Map<String, Object> client : clients) {
            String clientId = String.valueOf(client.get("clientId"));
            if (client.containsKey("secret")) {
                String placeholder = "CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                client.put("secret", "${" + placeholder + "}");
                placeholders.put(placeholder, secretReference(CLIENT_SECRETS, clientId));
            }
            if (client.containsKey("redirectUris")) {
                client.put("redirectUris",
                        strings(client.get("redirectUris")).stream().map(ProductionRealm::onPublicUrl).distinct().toList());
            }
        }
        realm.put("clients", clients);
        realm.put("users", maps(realm.get("users")).stream().filter(user -> {
            String username = String.valueOf(user.get("username"));
            return !username.startsWith(DEMO_PREFIX) && !username.startsWith(SERVICE_ACCOUNT_PREFIX + DEMO_CLIENT_PREFIX);
        }).toList());

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", KEYCLOAK);
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        manifest.put("kind", "KeycloakRealmImport");
        manifest.put("metadata", Map.of("name", "lxp-realm"));
        manifest.put("spec", spec);
        return HEADER + Yaml.dump(manifest);
    }

    /** A redirect address of the demo (loopback) gateway moved onto the public address. */
    private static String onPublicUrl(String uri) {
        return uri.replaceFirst("^https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?", "\\${" + PUBLIC_URL_PLACEHOLDER + "}");
    }

    private static Map<String, Object> secretReference(String secret, String key) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("name", secret);
        reference.put("key", key);
        return Map.of("secret", reference);
    }

    private static Map<String, Object> readRealm(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object node) {
        return (List<String>) node;
    }
}
