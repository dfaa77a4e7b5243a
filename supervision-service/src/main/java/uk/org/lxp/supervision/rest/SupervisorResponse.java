package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Supervisor;

@Schema(name = "Supervisor")
public record SupervisorResponse(UUID id, String organisationCode, String staffReference, boolean livedExperience,
        int maxSupervisees, boolean active, int version, Instant createdAt, Instant updatedAt) {

    static SupervisorResponse of(Supervisor supervisor) {
        return new SupervisorResponse(supervisor.id(), supervisor.organisationCode(), supervisor.staffReference(),
                supervisor.livedExperience(), supervisor.maxSupervisees(), supervisor.active(), supervisor.version(),
                supervisor.createdAt(), supervisor.updatedAt());
    }
}
