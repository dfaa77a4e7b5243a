package uk.org.lxp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
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
            {"openapi":"3.1.0","info":{"title":"roles","version":"1"},"servers":[{"url":"http://127.0.0.1:8081"}],
             "tags":[{"name":"Organisations"}],
             "paths":{"/api/v1/organisations":{"get":{"summary":"List organisations","responses":{"200":{
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/PageOf"}}}}}}}},
             "components":{"schemas":{"PageOf":{"type":"object","properties":{"items":{"type":"array"}}},
                                      "Organisation":{"type":"object"}},
                           "securitySchemes":{"keycloak":{"type":"openIdConnect","openIdConnectUrl":"http://kc/x"}}}}
            """;
    private static final String SUPERVISION_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"supervision","version":"1"},
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
                messages:
                  OrganisationRegistered: {$ref: '#/components/messages/OrganisationRegistered'}
            operations:
              publishOrganisation: {action: send, channel: {$ref: '#/channels/organisation'}}
            components:
              messages:
                OrganisationRegistered:
                  name: lxp.roles.OrganisationRegistered
                  title: An organisation was registered
                  payload: {$ref: '#/components/schemas/OrganisationState'}
              schemas:
                OrganisationState:
                  type: object
                  properties:
                    odsCode: {type: string, description: The ODS code}
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
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body("'x-lxp-unavailable-services'", hasItem("pay-equity-service"));
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
        given().when().get("/asyncapi.html")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("lxp.roles.organisation.v1"))
                .body(containsString("lxp.roles.OrganisationRegistered"))
                .body(containsString("The ODS code"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
