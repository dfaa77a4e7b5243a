package uk.org.lxp.roles.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Organisation;
import uk.org.lxp.roles.OrganisationType;

@Schema(name = "Organisation")
public record OrganisationResponse(
        UUID id,
        @Schema(example = "RGD") String odsCode,
        String name,
        OrganisationType type,
        String gssCode,
        LocalDate validFrom,
        LocalDate validTo,
        String successorOdsCode,
        List<OrganisationRequest.Membership> icbMemberships,
        @Schema(description = "Also the ETag; send it in If-Match to change the organisation") int version,
        Instant createdAt,
        Instant updatedAt) {

    static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(organisation.id(), organisation.odsCode(), organisation.name(),
                organisation.type(), organisation.gssCode(), organisation.validFrom(), organisation.validTo(),
                organisation.successorOdsCode(), organisation.icbMemberships().stream()
                        .map(m -> new OrganisationRequest.Membership(m.icbOdsCode(), m.validFrom(), m.validTo())).toList(),
                organisation.version(),
                organisation.createdAt(), organisation.updatedAt());
    }
}
