package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/** 422: the request is well formed, but a rule of the domain refuses it. */
public final class RuleBroken extends ApiException {

    public RuleBroken(String detail) {
        super(ProblemType.RULE_BROKEN, detail, List.of());
    }

    /** The rule concerns one field of the body, e.g. {@code posts[3].roleProfileId}. */
    public static RuleBroken at(String field, String detail) {
        return new RuleBroken(detail, List.of(Violation.body(field, detail)));
    }

    /** The rule concerns a query parameter, e.g. a pay year that has not begun. */
    public static RuleBroken inQuery(String parameter, String detail) {
        return new RuleBroken(detail, List.of(Violation.query(parameter, detail)));
    }

    private RuleBroken(String detail, List<Violation> violations) {
        super(ProblemType.RULE_BROKEN, detail, violations);
    }
}
