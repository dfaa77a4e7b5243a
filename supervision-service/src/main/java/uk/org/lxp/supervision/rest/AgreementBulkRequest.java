package uk.org.lxp.supervision.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementBulkRequest", description = "New supervision agreements, up to 1,000 per call, all or nothing")
public record AgreementBulkRequest(
        @NotEmpty @Size(max = 1_000) @Valid
        List<@NotNull AgreementRequest> agreements) {
}
