package uk.org.lxp.api.persistence;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.problems.ProblemMappers;

/**
 * A row changed by another request between this one's read and its write: the same answer as a stale If-Match,
 * since the client must read again before it changes anything.
 */
public class PersistenceProblems {

    @ServerExceptionMapper(value = {OptimisticLockException.class, StaleStateException.class}, priority = ProblemMappers.FIRST)
    public Response concurrentChange(RuntimeException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, ProblemType.PRECONDITION_FAILED,
                "The resource changed while this request was being carried out: read it again and retry", List.of());
    }
}
