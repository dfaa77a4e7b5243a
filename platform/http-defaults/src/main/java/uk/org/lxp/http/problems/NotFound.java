package uk.org.lxp.http.problems;

import java.util.List;

import uk.org.lxp.http.ProblemType;

/** 404: the resource the path names does not exist. (A missing resource named in a body or query is {@link UnknownReference}.) */
public final class NotFound extends ApiException {

    public NotFound(String detail) {
        super(ProblemType.NOT_FOUND, detail, List.of());
    }

    /** E.g. {@code NotFound.of("post", id)}: "No post with id …". */
    public static NotFound of(String what, Object id) {
        return new NotFound("No " + what + " with id " + id);
    }
}
