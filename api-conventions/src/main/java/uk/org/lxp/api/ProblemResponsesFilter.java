package uk.org.lxp.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the body of every error response: an RFC 9457 problem, with the field-level {@code violations} for
 * 400. Resource methods only name the statuses; this keeps the schema in one place.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String PROBLEM = "application/problem+json";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            boolean error = status.startsWith("4") || status.startsWith("5");
            boolean undocumented = response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty();
            // A 400 here always lists the fields that failed validation, whoever documented it first.
            if (status.equals("400") || (error && undocumented)) {
                String schema = status.equals("400") ? "HttpValidationProblem" : "HttpProblem";
                response.setContent(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + schema))));
            }
        }
        return operation;
    }
}
