package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Supervisor;

@Schema(name = "Supervisor")
public record SupervisorResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "E-104233") String staffReference,
        boolean livedExperience,
        @Schema(nullable = true, example = "PEER_SUPPORT") String lxpFamily,
        @Schema(nullable = true, example = "SENIOR") String lxpLevel,
        @Schema(example = "6") int maxSupervisees,
        WorkingHours workingHours,
        List<AwayPeriod> away,
        @Schema(nullable = true, example = "a.supervisor@nhs.net") String workEmail,
        @Schema(description = "More people under active agreements (mentoring included) than the capacity") boolean overCapacity,
        boolean active,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static SupervisorResponse of(Supervisor supervisor) {
        Supervisor.Details details = supervisor.details();
        return new SupervisorResponse(supervisor.id(), supervisor.organisationCode(), supervisor.staffReference(),
                details.livedExperience(), details.lxpFamily(), details.lxpLevel(), details.maxSupervisees(),
                WorkingHours.of(details.workingPattern()), details.away().stream().map(AwayPeriod::of).toList(),
                details.workEmail(), supervisor.overCapacity(), supervisor.active(), supervisor.version(), supervisor.createdAt(),
                supervisor.updatedAt());
    }
}
