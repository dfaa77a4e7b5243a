package uk.org.lxp.roles.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.org.lxp.api.Problems;
import uk.org.lxp.roles.service.DomainRuleException;
import uk.org.lxp.roles.service.DuplicateOrganisationException;
import uk.org.lxp.roles.service.LifecycleConflictException;
import uk.org.lxp.roles.service.UnknownOrganisationException;
import uk.org.lxp.roles.service.UnknownPostException;
import uk.org.lxp.roles.service.UnknownRoleProfileException;
import uk.org.lxp.roles.service.UnknownRouteException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response duplicateOrganisation(DuplicateOrganisationException e) {
        return Problems.of(Response.Status.CONFLICT, e);
    }

    @ServerExceptionMapper
    public Response unknownOrganisation(UnknownOrganisationException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response brokenRule(DomainRuleException e) {
        return Problems.of(Response.Status.BAD_REQUEST, e);
    }

    @ServerExceptionMapper
    public Response unknownRoleProfile(UnknownRoleProfileException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response unknownRoute(UnknownRouteException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response unknownPost(UnknownPostException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response lifecycleConflict(LifecycleConflictException e) {
        return Problems.of(Response.Status.CONFLICT, e);
    }
}
