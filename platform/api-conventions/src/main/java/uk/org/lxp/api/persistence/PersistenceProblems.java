package uk.org.lxp.api.persistence;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.problems.ProblemMappers;

/**
 * A row changed by another request between this one's read and its write. With If-Match the version it named was
 * current when checked but not when written: 412, as for any stale If-Match. Without one (a bulk upsert, an action)
 * no precondition was given, so 412 would be wrong: it is 409, a conflict with a change made meanwhile. Either way
 * nothing was written, and the client reads again and retries (with the same Idempotency-Key where it sent one).
 */
public class PersistenceProblems {

    @ServerExceptionMapper(value = {OptimisticLockException.class, StaleStateException.class}, priority = ProblemMappers.FIRST)
    public Response concurrentChange(RuntimeException e, HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return ProblemMappers.respond(request, ProblemType.PRECONDITION_FAILED,
                    "The resource changed while this request was being carried out: read it again and retry", List.of());
        }
        return ProblemMappers.respond(request, ProblemType.CONFLICT,
                "Another request changed the same records while this one was being carried out; nothing was written:"
                        + " read them again and retry", List.of());
    }
}
