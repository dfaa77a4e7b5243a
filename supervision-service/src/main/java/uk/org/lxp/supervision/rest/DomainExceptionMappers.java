package uk.org.lxp.supervision.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.org.lxp.api.Problems;
import uk.org.lxp.supervision.service.DuplicateSupervisorException;
import uk.org.lxp.supervision.service.UnknownOrganisationException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response unknownOrganisation(UnknownOrganisationException e) {
        return Problems.unprocessable(e);
    }

    @ServerExceptionMapper
    public Response duplicateSupervisor(DuplicateSupervisorException e) {
        return Problems.of(Response.Status.CONFLICT, e);
    }
}
