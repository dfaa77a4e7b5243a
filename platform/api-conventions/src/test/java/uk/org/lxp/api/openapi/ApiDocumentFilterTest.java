package uk.org.lxp.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
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
        assertThat(responses).containsKeys("200", "401", "403", "404");
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
}
