package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Supervisee;
import uk.org.lxp.supervision.SupervisionType;

@Schema(name = "Supervisee", description = "A holder of an LXP post, learnt from roles-service, by staff reference only")
public record SuperviseeResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "E-100231") String staffReference,
        @Schema(description = "When they work, as HR sent it, or the standard week") WorkingHours workingHours,
        @Schema(description = "True when HR has not sent a pattern and Monday to Friday 09:00-17:00 is assumed")
        boolean standardWeekAssumed,
        @Schema(description = "How they stand against the supervision their role asks for") Supervisee.Standing standing,
        @Schema(description = "Since when", nullable = true, example = "2026-11-20") LocalDate standingSince,
        @Schema(description = "The kinds of supervision their role asks for that they have none of (when UNSUPERVISED)")
        List<SupervisionType> missingSupervision,
        Instant firstSeenAt,
        int version) {

    static SuperviseeResponse of(Supervisee supervisee) {
        return new SuperviseeResponse(supervisee.id(), supervisee.organisationCode(), supervisee.staffReference(),
                WorkingHours.of(supervisee.workingPattern()), !supervisee.hasOwnPattern(), supervisee.standing(),
                supervisee.standingSince(), supervisee.missingSupervision(), supervisee.firstSeenAt(),
                supervisee.version());
    }
}
