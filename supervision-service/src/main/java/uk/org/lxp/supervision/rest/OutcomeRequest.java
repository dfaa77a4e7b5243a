package uk.org.lxp.supervision.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.Cancellation;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.service.SessionService.Outcome;

@Schema(name = "SessionOutcome", description = "What became of a session. Categories only: no notes, topics or health"
        + " information are accepted (an unknown field is refused)")
public record OutcomeRequest(
        @Schema(example = "CANCELLED")
        @NotNull
        Recorded status,
        @Schema(description = "For a held group session: whether the supervisee attended (true if left out)", nullable = true)
        Boolean attended,
        @Schema(description = "Who cancelled, for a cancelled session", nullable = true, example = "SUPERVISOR")
        Cancellation.By cancelledBy,
        @Schema(description = "Why, for a cancelled session", nullable = true, example = "CLINICAL_OR_SERVICE_PRIORITIES")
        Cancellation.Reason cancellationReason) {

    /** The statuses an outcome records: a session's final ones. */
    @Schema(name = "SessionOutcomeRecorded")
    public enum Recorded {
        HELD, CANCELLED, MISSED
    }

    Outcome toOutcome() {
        Cancellation cancellation = cancelledBy == null && cancellationReason == null ? null
                : new Cancellation(cancelledBy, cancellationReason);
        return new Outcome(SessionStatus.valueOf(status.name()), attended, cancellation);
    }
}
