package uk.org.lxp.supervision.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;
import uk.org.lxp.supervision.CalendarFeed;

@Schema(name = "CalendarFeedRequest", description = "A calendar feed of one person's sessions, as supervisor or as supervisee")
public record CalendarFeedRequest(
        @Schema(example = "SUPERVISEE") @NotNull CalendarFeed.Owner owner,
        @Schema(example = "RGD") @NotNull @OdsCode String organisationCode,
        @Schema(example = "E-100231") @NotNull @StaffReference String staffReference) {
}
