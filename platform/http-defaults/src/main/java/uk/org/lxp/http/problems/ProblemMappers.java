package uk.org.lxp.http.problems;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import uk.org.lxp.http.Problem;
import uk.org.lxp.http.ProblemType;
import uk.org.lxp.http.RequestIds;
import uk.org.lxp.http.Violation;

/**
 * The one place where failures become responses: every exception a request can end in is answered with a problem
 * document of the status its kind has everywhere (see {@link ProblemType}). Registered ahead of the framework's own
 * mappers, which answer some of these with an empty body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Ahead of the framework's own mappers for the same exceptions. */
    public static final int FIRST = Priorities.USER - 1000;

    @ServerExceptionMapper(priority = FIRST)
    public Response refusal(ApiException e, HttpServerRequest request) {
        return respond(request, e.type(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper(value = {ConstraintViolationException.class, ResteasyReactiveViolationException.class},
            priority = FIRST)
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        boolean ourFault = e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue);
        if (ourFault) {
            return failed(e, request);
        }
        List<Violation> violations = e.getConstraintViolations().stream().map(ViolationPaths::of)
                .sorted((a, b) -> a.field().compareTo(b.field())).toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return respond(request, ProblemType.INVALID_REQUEST, detail, violations);
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class, StreamConstraintsException.class}, priority = FIRST)
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        Violation violation = JsonProblems.violation(e);
        return respond(request, ProblemType.INVALID_REQUEST, violation.field() + ": " + violation.message(),
                List.of(violation));
    }

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class}, priority = FIRST)
    public Response unauthorised(RuntimeException e, HttpServerRequest request) {
        return Response.fromResponse(respond(request, ProblemType.UNAUTHORIZED,
                        "The bearer token is missing, expired or not valid for this API", List.of()))
                .header("WWW-Authenticate", "Bearer realm=\"lxp\"").build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, ProblemType.FORBIDDEN, "The token's roles do not allow this operation", List.of());
    }

    /** What the framework itself refuses: an unknown path, a method or media type the operation does not take. */
    @ServerExceptionMapper(priority = FIRST)
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return failed(e, request);
        }
        if (e instanceof NotFoundException && cause != null) {
            // The framework answers 404 when it cannot convert a parameter; that is the client's mistake, not a path.
            return respond(request, ProblemType.INVALID_REQUEST, "A parameter could not be read: " + cause.getMessage(),
                    List.of());
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = respond(request, type, detail(type, e, request), List.of());
        if (e instanceof NotAllowedException notAllowed) {
            return Response.fromResponse(response).allow(notAllowed.getResponse().getAllowedMethods()).build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = FIRST + 1)
    public Response failed(Throwable e, HttpServerRequest request) {
        if (isUnavailable(e)) {
            LOG.warnf("%s %s: a resource is unavailable: %s", request.method(), request.path(), e);
            return Response.fromResponse(respond(request, ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database just now; retry shortly", List.of()))
                    .header("Retry-After", "5").build();
        }
        LOG.errorf(e, "%s %s failed", request.method(), request.path());
        return respond(request, ProblemType.INTERNAL_ERROR,
                "The service failed; quote the requestId to its operators", List.of());
    }

    public static Response respond(HttpServerRequest request, ProblemType type, String detail, List<Violation> violations) {
        Problem problem = Problem.of(type, detail, request.path(), RequestIds.of(request), violations);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detail(ProblemType type, WebApplicationException e, HttpServerRequest request) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is published at " + request.path();
            case METHOD_NOT_ALLOWED -> request.method() + " is not offered at " + request.path();
            case UNSUPPORTED_MEDIA_TYPE -> "This operation does not accept "
                    + (request.getHeader("Content-Type") == null ? "a body without Content-Type" : request.getHeader("Content-Type"))
                    + "; send application/json";
            case NOT_ACCEPTABLE -> "This operation cannot answer in " + request.getHeader("Accept");
            default -> e.getMessage();
        };
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (var node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // SQLState class 08 is "connection exception", whichever driver or ORM wraps it.
            boolean connectionLost = cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08");
            if (connectionLost || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static String allowedValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
