package uk.org.lxp.supervision.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import uk.org.lxp.supervision.service.DuplicateSupervisorException;
import uk.org.lxp.supervision.service.UnknownOrganisationException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    private static final int UNPROCESSABLE_CONTENT = 422;

    @ServerExceptionMapper
    public Response unknownOrganisation(UnknownOrganisationException e) {
        return HttpProblem.builder().withStatus(UNPROCESSABLE_CONTENT).withTitle("Unprocessable Content")
                .withDetail(e.getMessage()).build().toResponse();
    }

    @ServerExceptionMapper
    public Response duplicateSupervisor(DuplicateSupervisorException e) {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                .withDetail(e.getMessage()).build().toResponse();
    }
}
