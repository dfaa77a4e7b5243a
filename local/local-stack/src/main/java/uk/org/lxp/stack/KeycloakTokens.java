package uk.org.lxp.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import uk.org.lxp.demo.ClientTokens;

/** Client-credentials tokens from the stack's Keycloak, with the demo secrets of the realm file. */
public final class KeycloakTokens implements ClientTokens {

    private final String tokenEndpoint;
    private final RealmFile realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public KeycloakTokens(String issuer, RealmFile realm) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
        this.realm = realm;
    }

    @Override
    public String accessToken(String clientId) {
        RealmFile.Client client = realm.client(clientId).orElseThrow(() -> new StackException(
                "No confidential client " + clientId + " in the realm; known: " + realm.confidentialClients().stream()
                        .map(RealmFile.Client::clientId).toList()));
        String basic = Base64.getEncoder().encodeToString(
                (encode(client.clientId()) + ":" + encode(client.secret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                throw new StackException("Keycloak refused a token for " + clientId + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new StackException("Could not reach Keycloak at " + tokenEndpoint + " (is the stack up?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while getting a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
