package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;

/** 503: something the answer depends on (a service, a database) cannot be reached just now. */
public final class Unavailable extends ApiException {

    public Unavailable(String detail) {
        super(ProblemType.SERVICE_UNAVAILABLE, detail, List.of());
    }
}
