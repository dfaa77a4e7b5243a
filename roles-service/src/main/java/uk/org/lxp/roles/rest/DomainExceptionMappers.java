package uk.org.lxp.roles.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import uk.org.lxp.roles.service.DuplicateOrganisationException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response duplicateOrganisation(DuplicateOrganisationException e) {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                .withDetail(e.getMessage()).build().toResponse();
    }
}
