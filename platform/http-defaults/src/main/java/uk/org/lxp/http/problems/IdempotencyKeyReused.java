package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.Violation;

/** 422 of its own type: an Idempotency-Key sent again with a different request, which is never carried out. */
public final class IdempotencyKeyReused extends ApiException {

    public IdempotencyKeyReused(String key) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key + " was already used for a different request",
                List.of(Violation.header("Idempotency-Key", "was already used for a different request")));
    }
}
