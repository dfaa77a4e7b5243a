package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;

/** 403: the token's role is allowed here, but its organisation, ICB or person scope does not reach this data. */
public final class Refused extends ApiException {

    public Refused(String detail) {
        super(ProblemType.FORBIDDEN, detail, List.of());
    }
}
