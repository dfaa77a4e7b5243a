package uk.org.lxp.http;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response of every service and of the gateway. Its
 * {@code type} says which kind of failure it is (see {@link ProblemType}); {@code requestId} is the X-Request-Id
 * under which the service logged the request.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Problem of(ProblemType type, String detail, String instance, String requestId, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, violations);
    }
}
