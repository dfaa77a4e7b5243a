package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

@Schema(name = "Organisation")
public record OrganisationResponse(
        UUID id,
        @Schema(example = "RXT") String odsCode,
        String name,
        OrganisationType type,
        LocalDate validFrom,
        LocalDate validTo,
        String successorOdsCode,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.id(), organisation.odsCode(), organisation.name(),
                organisation.type(), organisation.validFrom(), organisation.validTo(),
                organisation.successorOdsCode(), organisation.version(), organisation.createdAt(),
                organisation.updatedAt());
    }
}
