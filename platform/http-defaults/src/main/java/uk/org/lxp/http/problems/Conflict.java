package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;

/** 409: the change does not fit the resource's current state (it exists already, it is retired, it is not a draft). */
public final class Conflict extends ApiException {

    public Conflict(String detail) {
        super(ProblemType.CONFLICT, detail, List.of());
    }
}
