package uk.org.lxp.roles.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import uk.org.lxp.roles.service.DomainRuleException;
import uk.org.lxp.roles.service.DuplicateOrganisationException;
import uk.org.lxp.roles.service.LifecycleConflictException;
import uk.org.lxp.roles.service.UnknownOrganisationException;
import uk.org.lxp.roles.service.UnknownRoleProfileException;
import uk.org.lxp.roles.service.UnknownRouteException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response duplicateOrganisation(DuplicateOrganisationException e) {
        return problem(Response.Status.CONFLICT, e);
    }

    @ServerExceptionMapper
    public Response unknownOrganisation(UnknownOrganisationException e) {
        return problem(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response brokenRule(DomainRuleException e) {
        return problem(Response.Status.BAD_REQUEST, e);
    }

    @ServerExceptionMapper
    public Response unknownRoleProfile(UnknownRoleProfileException e) {
        return problem(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response unknownRoute(UnknownRouteException e) {
        return problem(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response lifecycleConflict(LifecycleConflictException e) {
        return problem(Response.Status.CONFLICT, e);
    }

    private static Response problem(Response.Status status, RuntimeException e) {
        return HttpProblem.builder().withStatus(status).withTitle(status.getReasonPhrase()).withDetail(e.getMessage())
                .build().toResponse();
    }
}
