package uk.org.lxp.supervision.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementEnd", description = "The last day of an agreement: no session is planned after it")
public record AgreementEnd(@Schema(example = "2027-03-31") @NotNull LocalDate lastDay) {
}
