package uk.org.lxp.supervision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who cancelled a session and why, from fixed lists: never free text, so nothing personal or clinical is kept. */
public record Cancellation(By by, Reason reason) {

    @Schema(name = "CancelledBy")
    public enum By { SUPERVISOR, SUPERVISEE, SERVICE }

    @Schema(name = "CancellationReason")
    public enum Reason {
        CLINICAL_OR_SERVICE_PRIORITIES,
        STAFFING,
        ANNUAL_LEAVE,
        OTHER_ABSENCE,
        TRAINING_OR_MEETING_CLASH,
        ROOM_OR_TECHNOLOGY,
        OTHER
    }

    public Cancellation {
        if (by == null || reason == null) {
            throw new IllegalArgumentException("A cancellation says who cancelled and a reason category");
        }
    }
}
