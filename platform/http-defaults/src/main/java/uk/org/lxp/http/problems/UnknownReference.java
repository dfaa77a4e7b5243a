package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/** 422: a field names something that does not exist (yet), e.g. an organisation this service has not heard of. */
public final class UnknownReference extends ApiException {

    private UnknownReference(String detail, List<Violation> violations) {
        super(ProblemType.UNKNOWN_REFERENCE, detail, violations);
    }

    public static UnknownReference inBody(String field, String detail) {
        return new UnknownReference(detail, List.of(Violation.body(field, detail)));
    }

    public static UnknownReference inQuery(String parameter, String detail) {
        return new UnknownReference(detail, List.of(Violation.query(parameter, detail)));
    }

    /** Several fields at once, e.g. every unknown post reference of a bulk request. */
    public static UnknownReference inBody(String detail, List<Violation> violations) {
        return new UnknownReference(detail, violations);
    }
}
