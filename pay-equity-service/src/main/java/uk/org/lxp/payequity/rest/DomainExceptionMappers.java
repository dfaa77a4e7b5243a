package uk.org.lxp.payequity.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import uk.org.lxp.api.Problems;
import uk.org.lxp.payequity.service.FindingConflictException;
import uk.org.lxp.payequity.service.InvalidPayRecordException;
import uk.org.lxp.payequity.service.UnknownFindingException;
import uk.org.lxp.payequity.service.InvalidPayScaleException;
import uk.org.lxp.payequity.service.UnknownPostsException;
import uk.org.lxp.payequity.service.PayYearExistsException;
import uk.org.lxp.payequity.service.UnknownPayYearException;

/** Turns this service's domain refusals into RFC 9457 problems with the status a client can act on. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response unknownPayYear(UnknownPayYearException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response payYearExists(PayYearExistsException e) {
        return Problems.of(Response.Status.CONFLICT, e);
    }

    @ServerExceptionMapper
    public Response invalidPayRecord(InvalidPayRecordException e) {
        return Problems.of(Response.Status.BAD_REQUEST, e);
    }

    @ServerExceptionMapper
    public Response unknownPosts(UnknownPostsException e) {
        return Problems.unprocessable(e);
    }

    @ServerExceptionMapper
    public Response unknownFinding(UnknownFindingException e) {
        return Problems.of(Response.Status.NOT_FOUND, e);
    }

    @ServerExceptionMapper
    public Response findingConflict(FindingConflictException e) {
        return Problems.of(Response.Status.CONFLICT, e);
    }

    @ServerExceptionMapper
    public Response invalidPayScale(InvalidPayScaleException e) {
        return Problems.of(Response.Status.BAD_REQUEST, e);
    }
}
