package uk.org.lxp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm file is the one source of identities: it must agree with the route table and keep the rules. */
class RealmFileTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "lxp-realm.json");

    private final JsonNode realm = read();

    @Test
    void everyRoleTheRouteTableNamesExistsInTheRealm() throws IOException {
        Set<String> realmRoles = new HashSet<>();
        realm.path("roles").path("realm").forEach(role -> realmRoles.add(role.path("name").asText()));
        assertThat(realmRoles).containsExactlyInAnyOrder("lxp-admin", "hr-integration", "ics-analyst", "lxp-lead",
                "supervisor", "practitioner");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("routes.conf")) {
            RouteTable table = RouteTable.parse(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
            table.routes().stream().filter(route -> !route.isPublic())
                    .forEach(route -> assertThat(realmRoles).containsAll(route.roles()));
        }
    }

    @Test
    void noClientOffersImplicitOrPasswordGrantsAndEveryOneAddsTheApiAudience() {
        realm.path("clients").forEach(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("protocolMappers").findValuesAsText("included.custom.audience"))
                    .as(id).containsExactly("lxp-api");
        });
    }

    @Test
    void machineClientsCarryTheirScopeAndPeopleUsePkce() {
        assertThat(claim("hr-rgd", "org")).isEqualTo("RGD");
        assertThat(claim("hr-rxg", "org")).isEqualTo("RXG");
        assertThat(claim("ics-dashboard-qwo", "icb")).isEqualTo("QWO");
        JsonNode swagger = client("lxp-swagger-ui");
        assertThat(swagger.path("publicClient").asBoolean()).isTrue();
        assertThat(swagger.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(60, 900);
    }

    @Test
    void aPersonsTokenCarriesTheirStaffReferenceWhichOnlyAnAdministratorSets() {
        assertThat(client("lxp-swagger-ui").path("protocolMappers").findValuesAsText("claim.name"))
                .contains("org", "icb", "staff_ref");
        for (JsonNode user : realm.path("users")) {
            boolean person = user.path("realmRoles").toString().matches(".*\"(supervisor|practitioner)\".*");
            if (person) {
                assertThat(user.path("attributes").path("staff_ref").path(0).asText()).as(user.path("username").asText())
                        .matches("[A-Za-z0-9._-]{1,64}");
            }
        }
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0)
                .path("config").path("kc.user.profile.config").path(0).asText();
        assertThat(profile).contains("\"name\": \"staff_ref\"");
        assertThat(profile.substring(profile.indexOf("\"name\": \"staff_ref\""))).contains("\"edit\": [\"admin\"]");
    }

    /** The organisation and ICB a token carries decide what it may see: a person must never be able to set them. */
    @Test
    void onlyAnAdministratorSetsAPersonsOrganisationAndIcb() throws IOException {
        JsonNode profile = new ObjectMapper().readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .path(0).path("config").path("kc.user.profile.config").path(0).asText());
        for (String attribute : List.of("org", "icb", "staff_ref")) {
            JsonNode declared = null;
            for (JsonNode candidate : profile.path("attributes")) {
                if (attribute.equals(candidate.path("name").asText())) {
                    declared = candidate;
                }
            }
            assertThat(declared).as("the user profile declares %s", attribute).isNotNull();
            assertThat(declared.path("permissions").path("edit").toString()).as(attribute).isEqualTo("[\"admin\"]");
        }
        // Attributes the profile does not declare cannot be set by anyone but an administrator either.
        assertThat(profile.path("unmanagedAttributePolicy").asText("")).isIn("", "ADMIN_VIEW", "ADMIN_EDIT");
    }

    private String claim(String clientId, String claim) {
        for (JsonNode mapper : client(clientId).path("protocolMappers")) {
            if (claim.equals(mapper.path("config").path("claim.name").asText())) {
                return mapper.path("config").path("claim.value").asText();
            }
        }
        return null;
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId + " in " + REALM);
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(REALM.toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + REALM.toAbsolutePath(), e);
        }
    }
}
