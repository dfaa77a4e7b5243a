package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Arrangement;

@Schema(name = "Arrangement")
public record ArrangementResponse(
        UUID id,
        @Schema(example = "RXG") String providerOrganisation,
        @Schema(example = "RGD") String receivingOrganisation,
        @Schema(example = "2027-01-01") LocalDate validFrom,
        @Schema(nullable = true, example = "2027-12-31") LocalDate validTo,
        Instant createdAt) {

    static ArrangementResponse of(Arrangement arrangement) {
        return new ArrangementResponse(arrangement.id(), arrangement.providerOrganisation(),
                arrangement.receivingOrganisation(), arrangement.validFrom(), arrangement.validTo(),
                arrangement.createdAt());
    }
}
