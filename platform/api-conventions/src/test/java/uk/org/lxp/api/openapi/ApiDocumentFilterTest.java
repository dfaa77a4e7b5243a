package uk.org.lxp.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;


class ApiDocumentFilterTest {

    private final ApiDocumentFilter filter = new ApiDocumentFilter();

    @Test
    void everyErrorResponseIsAProblemAndSecuredOperationsDocument401And403() {
        Operation operation = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("keycloak")))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("ok"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("none")));
        filter.filterOperation(operation);
        var responses = operation.getResponses().getAPIResponses();
        assertThat(responses).containsKeys("200", "401", "403", "404", "429", "502", "503", "504");
        for (String status : List.of("401", "403", "404")) {
            assertThat(responses.get(status).getContent().getMediaType("application/problem+json").getSchema().getRef())
                    .isEqualTo("#/components/schemas/Problem");
        }
        assertThat(responses.get("200").getContent()).isNull();
    }

    @Test
    void theProblemSchemaIsInTheDocumentWithEveryFieldRequired() {
        OpenAPI document = OASFactory.createOpenAPI();
        filter.filterOpenAPI(document);
        var problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance",
                "requestId", "violations");
        assertThat(problem.getProperties().get("instance").getFormat()).isEqualTo("uri-reference");
        assertThat(document.getComponents().getSchemas()).containsKey("ProblemViolation");
    }

    @Test
    void aBodyOrAParameterCanBeRefusedAs400AndABodyAs413Or415() {
        Operation operation = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()));
        filter.filterOperation(operation);
        assertThat(operation.getResponses().getAPIResponses()).containsOnlyKeys("201", "400", "413", "415", "429", "502",
                "503", "504");

        Operation read = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        filter.filterOperation(read);
        assertThat(read.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "429", "502", "503", "504");
    }

    @Test
    void patternsMatchTheWholeValueAsBeanValidationDoes() {
        Schema code = OASFactory.createSchema().pattern("[A-Z0-9]{3,10}");
        filter.filterSchema(code);
        assertThat(code.getPattern()).isEqualTo("^[A-Z0-9]{3,10}$");
        Schema band = OASFactory.createSchema().pattern("BAND_[2-9]|BAND_8[A-D]|NON_AFC");
        filter.filterSchema(band);
        assertThat(band.getPattern()).isEqualTo("^(?:BAND_[2-9]|BAND_8[A-D]|NON_AFC)$");
        Schema time = OASFactory.createSchema().pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$");
        filter.filterSchema(time);
        assertThat(time.getPattern()).isEqualTo("^([01][0-9]|2[0-3]):[0-5][0-9]$");
        Schema notBlank = OASFactory.createSchema().pattern("\\S");
        filter.filterSchema(notBlank);
        assertThat(notBlank.getPattern()).isEqualTo("\\S");
    }

    @Test
    void javaTypesAreStringsOfAFormatNotSchemasOfTheirOwn() {
        Schema reference = OASFactory.createSchema().ref("#/components/schemas/Instant").description("When it was recorded");
        filter.filterSchema(reference);
        assertThat(reference.getRef()).isNull();
        assertThat(reference.getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(reference.getFormat()).isEqualTo("date-time");
        assertThat(reference.getDescription()).isEqualTo("When it was recorded");
        assertThat(reference.getExamples()).containsExactly("2026-11-30T09:15:00Z");

        OpenAPI document = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("Instant", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addSchema("UUID", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        filter.filterOpenAPI(document);
        assertThat(document.getComponents().getSchemas()).doesNotContainKeys("Instant", "UUID");
    }

    @Test
    void aPropertyASchemaDoesNotRequireMayBeNullAndOneItRequiresMayNot() {
        Schema post = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).required(List.of("id"))
                .addProperty("id", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("closedOn", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().ref("#/components/schemas/PostStatus"))
                .addProperty("tier", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("A", "B")));
        OpenAPI document = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Post", post));
        filter.filterOpenAPI(document);
        var properties = document.getComponents().getSchemas().get("Post").getProperties();
        assertThat(properties.get("id").getType()).containsExactly(Schema.SchemaType.STRING);
        assertThat(properties.get("closedOn").getType()).containsExactly(Schema.SchemaType.STRING, Schema.SchemaType.NULL);
        assertThat(properties.get("status").getRef()).isNull();
        assertThat(properties.get("status").getAnyOf()).extracting(Schema::getRef)
                .containsExactly("#/components/schemas/PostStatus", null);
        assertThat(properties.get("status").getAnyOf().get(1).getType()).containsExactly(Schema.SchemaType.NULL);
        assertThat(properties.get("tier").getEnumeration()).containsExactly("A", "B", null);
    }

    @Test
    void aWriteWithoutIfMatchDocumentsTheConflictOfAChangeMadeMeanwhile() {
        Operation bulk = write("200", null);
        Operation register = write("201", "The ODS code is already registered");
        Operation change = write("200", null).addParameter(OASFactory.createParameter().name("If-Match")
                .in(Parameter.In.HEADER));
        Operation read = write("200", null);
        PathItem path = OASFactory.createPathItem().POST(bulk).PUT(change).GET(read).DELETE(register);

        filter.filterPathItem(path);
        filter.filterPathItem(path);

        assertThat(bulk.getResponses().getAPIResponse("409").getDescription())
                .startsWith("Another request changed the same records meanwhile");
        assertThat(bulk.getResponses().getAPIResponse("409").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(register.getResponses().getAPIResponse("409").getDescription()).isEqualTo(
                "The ODS code is already registered; or another request changed the same records meanwhile"
                        + " (nothing was written: read them again and retry)");
        assertThat(change.getResponses().hasAPIResponse("409")).isFalse();
        assertThat(read.getResponses().hasAPIResponse("409")).isFalse();
    }

    @Test
    void anIfMatchTheOperationAnswers428WithoutIsRequired() {
        Operation change = write("200", null).addParameter(ifMatchParameter());
        change.getResponses().addAPIResponse("428", OASFactory.createAPIResponse().description("If-Match is missing"));
        Operation conditional = write("200", null).addParameter(ifMatchParameter());
        Operation laterStepsOnly = write("200", null).addParameter(ifMatchParameter().required(false));
        laterStepsOnly.getResponses().addAPIResponse("428", OASFactory.createAPIResponse()
                .description("If-Match is missing for a later step"));

        filter.filterOperation(change);
        filter.filterOperation(conditional);
        filter.filterOperation(laterStepsOnly);

        assertThat(change.getParameters().get(0).getRequired()).isTrue();
        assertThat(conditional.getParameters().get(0).getRequired()).isNull();
        assertThat(laterStepsOnly.getParameters().get(0).getRequired()).isFalse();
    }

    private static Parameter ifMatchParameter() {
        return OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER);
    }

    private static Operation write(String success, String conflict) {
        var responses = OASFactory.createAPIResponses().addAPIResponse(success, OASFactory.createAPIResponse());
        if (conflict != null) {
            responses.addAPIResponse("409", OASFactory.createAPIResponse().description(conflict));
        }
        return OASFactory.createOperation().responses(responses);
    }

    @Test
    void peopleSignInWithTheAuthorisationCodeAndMachinesWithClientCredentials() {
        var scheme = ApiDocumentFilter.signIn("https://auth.example.nhs.uk/realms/lxp");
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
        assertThat(scheme.getFlows().getAuthorizationCode().getAuthorizationUrl())
                .isEqualTo("https://auth.example.nhs.uk/realms/lxp/protocol/openid-connect/auth");
        assertThat(scheme.getFlows().getAuthorizationCode().getScopes()).containsOnlyKeys("openid");
        assertThat(scheme.getFlows().getClientCredentials().getTokenUrl())
                .isEqualTo("https://auth.example.nhs.uk/realms/lxp/protocol/openid-connect/token");
        assertThat(scheme.getFlows().getImplicit()).isNull();
        assertThat(scheme.getFlows().getPassword()).isNull();
    }
}
