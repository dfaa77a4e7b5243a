package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Supervisee;

@Schema(name = "Supervisee", description = "A holder of an LXP post, learnt from roles-service, by staff reference only")
public record SuperviseeResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "E-100231") String staffReference,
        @Schema(description = "When they work, as HR sent it, or the standard week") WorkingHours workingHours,
        @Schema(description = "True when HR has not sent a pattern and Monday to Friday 09:00-17:00 is assumed")
        boolean standardWeekAssumed,
        Instant firstSeenAt,
        int version) {

    static SuperviseeResponse of(Supervisee supervisee) {
        return new SuperviseeResponse(supervisee.id(), supervisee.organisationCode(), supervisee.staffReference(),
                WorkingHours.of(supervisee.workingPattern()), !supervisee.hasOwnPattern(), supervisee.firstSeenAt(),
                supervisee.version());
    }
}
