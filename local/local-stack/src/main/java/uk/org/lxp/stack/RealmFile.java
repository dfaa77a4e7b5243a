package uk.org.lxp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demo realm in deploy/keycloak: its confidential clients and demo users, for the banner and for tokens. */
public final class RealmFile {

    record Client(String clientId, String name, String secret) {
    }

    record User(String username, List<String> roles, List<String> organisations, List<String> icbs) {
    }

    private final JsonNode realm;

    private RealmFile(JsonNode realm) {
        this.realm = realm;
    }

    public static RealmFile read(Path file) {
        try {
            return new RealmFile(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new StackException("Could not read the realm file " + file + ": " + e.getMessage(), e);
        }
    }

    List<Client> confidentialClients() {
        List<Client> clients = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            if (!client.path("publicClient").asBoolean() && client.hasNonNull("secret")) {
                clients.add(new Client(client.path("clientId").asText(), client.path("name").asText(),
                        client.path("secret").asText()));
            }
        });
        return clients;
    }

    Optional<Client> client(String clientId) {
        return confidentialClients().stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    /** People who log in (not service accounts), with their demo password rule applied by the caller. */
    List<User> users() {
        List<User> users = new ArrayList<>();
        realm.path("users").forEach(user -> {
            if (!user.hasNonNull("serviceAccountClientId")) {
                users.add(new User(user.path("username").asText(), texts(user.path("realmRoles")),
                        texts(user.path("attributes").path("org")), texts(user.path("attributes").path("icb"))));
            }
        });
        return users;
    }

    Optional<String> password(String username) {
        for (JsonNode user : realm.path("users")) {
            if (username.equals(user.path("username").asText())) {
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asText())) {
                        return Optional.of(credential.path("value").asText());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
