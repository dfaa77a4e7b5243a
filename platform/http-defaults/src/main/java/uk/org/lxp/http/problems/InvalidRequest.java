package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/** 400: a value is malformed or not valid on its own, e.g. a date that is not a date, or an FTE above 1. */
public final class InvalidRequest extends ApiException {

    public InvalidRequest(String detail, List<Violation> violations) {
        super(ProblemType.INVALID_REQUEST, detail, violations);
    }

    public static InvalidRequest of(Violation violation) {
        return new InvalidRequest(violation.field() + ": " + violation.message(), List.of(violation));
    }

    public static InvalidRequest inBody(String field, String message) {
        return of(Violation.body(field, message));
    }

    public static InvalidRequest inQuery(String parameter, String message) {
        return of(Violation.query(parameter, message));
    }
}
