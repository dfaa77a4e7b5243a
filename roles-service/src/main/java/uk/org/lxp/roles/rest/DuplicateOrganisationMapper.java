package uk.org.lxp.roles.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.resteasy.problem.HttpProblem;
import uk.org.lxp.roles.service.DuplicateOrganisationException;

@Provider
public class DuplicateOrganisationMapper implements ExceptionMapper<DuplicateOrganisationException> {

    @Override
    public Response toResponse(DuplicateOrganisationException exception) {
        return HttpProblem.builder()
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail(exception.getMessage())
                .build()
                .toResponse();
    }
}
