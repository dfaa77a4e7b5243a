package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/** 412 when If-Match names a stale version, 428 when it is missing: no client overwrites a change it has not seen. */
public final class PreconditionFailed extends ApiException {

    private PreconditionFailed(ProblemType type, String detail) {
        super(type, detail, List.of(Violation.header("If-Match", detail)));
    }

    public static PreconditionFailed stale(String detail) {
        return new PreconditionFailed(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static PreconditionFailed missing(String detail) {
        return new PreconditionFailed(ProblemType.PRECONDITION_REQUIRED, detail);
    }
}
