package uk.org.lxp.supervision.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;

@Schema(name = "ArrangementRequest", description = "While it lasts, the provider's supervisors may supervise the"
        + " receiving organisation's LXPs")
public record ArrangementRequest(
        @Schema(description = "ODS code of the organisation whose supervisors supervise", example = "RXG")
        @NotNull @OdsCode String providerOrganisation,
        @Schema(description = "ODS code of the organisation whose LXPs are supervised", example = "RGD")
        @NotNull @OdsCode String receivingOrganisation,
        @Schema(example = "2027-01-01") @NotNull LocalDate validFrom,
        @Schema(example = "2027-12-31", nullable = true) LocalDate validTo) {
}
