package uk.org.lxp.http.problems;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/**
 * A refusal a client can act on. Services throw one of the few subclasses; {@link ProblemMappers} turns each into a
 * problem document with the status of its kind, the same in every service. It is a WebApplicationException so that
 * it passes unchanged through the framework's own handling, e.g. of a parameter that cannot be converted.
 */
public abstract class ApiException extends WebApplicationException {

    private final transient ProblemType type;
    private final transient List<Violation> violations;

    protected ApiException(ProblemType type, String detail, List<Violation> violations) {
        super(detail, type.status());
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }
}
