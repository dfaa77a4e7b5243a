package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import uk.org.lxp.testing.OidcTestProvider;

@QuarkusTest
@WithTestResource(OidcTestProvider.class)
@WithTestResource(DownstreamServices.class)
class ApiDocumentsTest {

    private static final String ROLES_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"roles","version":"1","contact":{"name":"LXP Workforce Suite team"}},
             "servers":[{"url":"http://127.0.0.1:8081"}],
             "tags":[{"name":"Organisations"},{"name":"Operations","description":"Dead letters"}],
             "paths":{"/api/v1/organisations":{"get":{"summary":"List organisations","responses":{"200":{
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageOf"}}}}}}}},
             "components":{"schemas":{"PageOf":{"type":"object","properties":{"items":{"type":"array"}}},
                                      "Organisation":{"type":"object"}},
                           "securitySchemes":{"keycloak":{"type":"oauth2","flows":{
                               "authorizationCode":{"authorizationUrl":"http://kc/auth","tokenUrl":"http://kc/token",
                                                    "scopes":{"openid":"Sign in"}},
                               "clientCredentials":{"tokenUrl":"http://kc/token","scopes":{}}}}}}}
            """;
    private static final String SUPERVISION_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"supervision","version":"1"},
             "tags":[{"name":"Operations","description":"Dead letters"},{"name":"Supervisors"}],
             "paths":{"/api/v1/supervisors":{"get":{"summary":"List supervisors","responses":{"200":{
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageOf"}}}}}}}},
             "components":{"schemas":{"PageOf":{"type":"object","properties":{"items":{"type":"array"},"page":{"type":"integer"}}}}}}
            """;
    private static final String ROLES_ASYNCAPI = """
            asyncapi: 3.0.0
            info: {title: roles events, version: 1.0.0}
            channels:
              organisation:
                address: lxp.roles.organisation.v1
                description: Every change of an organisation
                x-lxp-readers: [services]
                bindings:
                  kafka: {partitions: 6, topicConfiguration: {cleanup.policy: [compact]}, bindingVersion: '0.5.0'}
                messages:
                  OrganisationRegistered: {$ref: '#/components/messages/OrganisationRegistered'}
                  OrganisationChanged: {$ref: '#/components/messages/OrganisationChanged'}
            operations:
              publishOrganisation: {action: send, channel: {$ref: '#/channels/organisation'}}
            components:
              messages:
                OrganisationRegistered:
                  name: lxp.roles.OrganisationRegistered
                  title: An organisation was registered
                  bindings:
                    kafka: {key: {type: string, description: The ODS code}}
                  headers: {$ref: '#/components/schemas/CloudEventHeaders'}
                  payload: {$ref: '#/components/schemas/OrganisationState'}
                OrganisationChanged:
                  name: lxp.roles.OrganisationChanged
                  title: An organisation changed
                  bindings:
                    kafka: {key: {type: string, description: The ODS code}}
                  headers: {$ref: '#/components/schemas/CloudEventHeaders'}
                  payload: {$ref: '#/components/schemas/OrganisationState'}
              schemas:
                CloudEventHeaders:
                  type: object
                  properties:
                    ce_type: {type: string, description: The event type}
                OrganisationState:
                  type: object
                  required: [odsCode]
                  properties:
                    odsCode: {type: string, description: The ODS code, examples: [RGD]}
                    type: {type: string, enum: [NHS_TRUST, ICB]}
                    memberships:
                      type: array
                      items: {$ref: '#/components/schemas/Membership'}
                Membership:
                  type: object
                  properties:
                    icbCode: {type: string, examples: [QWO]}
                    from: {type: string, format: date}
            """;


    @BeforeEach
    void servicesPublishTheirDocuments() {
        DownstreamServices.roles.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ROLES_OPENAPI)));
        DownstreamServices.supervision.stubFor(get(urlEqualTo("/q/openapi?format=json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(SUPERVISION_OPENAPI)));
        DownstreamServices.roles.stubFor(get(urlEqualTo("/asyncapi/roles-service.yaml"))
                .willReturn(aResponse().withHeader("Content-Type", "application/yaml").withBody(ROLES_ASYNCAPI)));
    }

    @Test
    void oneServicesDocumentIsServedWithoutATokenAndPointsAtTheGateway() {
        given().when().get("/openapi/roles-service")
                .then().statusCode(200)
                .body("servers[0].url", equalTo("http://127.0.0.1:8080"))
                .body("paths.'/api/v1/organisations'.get.summary", equalTo("List organisations"));
    }

    @Test
    void theMergedDocumentHoldsEveryAnsweringServiceAndKeepsClashingSchemasApart() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .body("servers[0].url", equalTo("http://127.0.0.1:8080"))
                .body("paths.'/api/v1/organisations'.get.summary", equalTo("List organisations"))
                .body("paths.'/api/v1/supervisors'.get.summary", equalTo("List supervisors"))
                .body("paths.'/api/v1/supervisors'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/SupervisionServicePageOf"))
                .body("components.schemas.PageOf", notNullValue())
                .body("components.schemas.SupervisionServicePageOf.properties.page.type", equalTo("integer"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.keySet()",
                        containsInAnyOrder("authorizationCode", "clientCredentials"))
                .body("'x-lxp-unavailable-services'", hasItem("pay-equity-service"))
                .body("tags.name", contains("Organisations", "Operations", "Supervisors"))
                .body("info.contact.name", equalTo("LXP Workforce Suite team"));
    }

    @Test
    void anUnknownOrSilentServiceIsAProblem() {
        given().when().get("/openapi/no-such-service").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/openapi/pay-equity-service").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void theEventCatalogueIsServedAsAsyncApiAndAsAPage() {
        given().when().get("/asyncapi")
                .then().statusCode(200).contentType(containsString("application/yaml"))
                .body(containsString("asyncapi: \"3.0.0\""))
                .body(containsString("address: \"lxp.roles.organisation.v1\""))
                .body(containsString("RolesServiceOrganisationState"));
        String page = given().when().get("/asyncapi.html")
                .then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(page).contains("lxp.roles.organisation.v1", "lxp.roles.OrganisationRegistered",
                "lxp.roles.OrganisationChanged", "Headers of every event", "<code>ce_type</code>",
                "Who may read it</dt><dd>The suite's services only", "Record key</dt><dd>The ODS code",
                "Cleanup policy</dt><dd>compact: the latest record of each key is kept", "Partitions</dt><dd>6",
                "NHS_TRUST, ICB", "<code>memberships[].icbCode</code>", "<code>memberships[].from</code>",
                "&quot;icbCode&quot; : &quot;QWO&quot;", "&quot;odsCode&quot; : &quot;RGD&quot;");
        // Two event types with the same payload share one table.
        assertThat(page.split("<code>odsCode</code>", -1)).hasSize(2);
    }

    @Test
    void swaggerUiReadsTheDocumentWithTheOneFlowAPersonSignsInWith() {
        given().when().get("/openapi?flow=authorizationCode")
                .then().statusCode(200)
                .body("components.securitySchemes.keycloak.flows.keySet()", contains("authorizationCode"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.scopes.keySet()", contains("openid"));
        given().when().get("/openapi?flow=password")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("flow"));
    }

    @Test
    void swaggerUiIsServedWithThePluginThatShowsWhoIsSignedIn() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("/swagger-ui-sign-in.js"))
                .body(containsString("LxpSignIn"))
                .body(containsString("/openapi?flow=authorizationCode"));
        given().when().get("/swagger-ui-sign-in.js")
                .then().statusCode(200)
                .body(containsString("function LxpSignIn(system)"))
                .body(containsString("delete oauth2Data.auth.code"));
    }
}
