package uk.org.lxp.api;

import jakarta.ws.rs.core.Response;

import io.quarkiverse.resteasy.problem.HttpProblem;

/** An RFC 9457 problem response for a domain refusal, its message as the detail. */
public final class Problems {

    private static final int UNPROCESSABLE_CONTENT = 422;

    private Problems() {
    }

    public static Response of(Response.Status status, RuntimeException refusal) {
        return of(status.getStatusCode(), status.getReasonPhrase(), refusal);
    }

    public static Response unprocessable(RuntimeException refusal) {
        return of(UNPROCESSABLE_CONTENT, "Unprocessable Content", refusal);
    }

    private static Response of(int status, String title, RuntimeException refusal) {
        return HttpProblem.builder().withStatus(status).withTitle(title).withDetail(refusal.getMessage())
                .build().toResponse();
    }
}
