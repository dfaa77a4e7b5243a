package uk.org.lxp.payequity.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;

/** A parity finding as the API shows it; the event contract ({@code ParityFindingEvents.FindingState}) is separate. */
@Schema(name = "ParityFinding")
public record FindingResponse(
        UUID id,
        ParityRules.Rule rule,
        @Schema(description = "What the finding is about, in words", example = "Peer Support Worker at RXG") String subject,
        @Schema(description = "The organisation it concerns; null for an ICB or national finding", example = "RXG")
        String organisationCode,
        @Schema(description = "The ICB it concerns (the organisation's ICB on the day it was found)", example = "QWO")
        String icbCode,
        ParityRules.Severity severity,
        @Schema(description = "The numbers that show it; their fields depend on the rule") Map<String, Object> evidence,
        ParityFinding.Status status,
        @Schema(description = "What the acknowledging or resolving user said") String statusComment,
        Instant firstDetectedAt,
        Instant lastChangedAt,
        @Schema(description = "Also the ETag; send it in If-Match to acknowledge or resolve the finding") int version) {

    static FindingResponse of(ParityFinding f) {
        return new FindingResponse(f.id(), f.rule(), f.subject(), f.organisation(), f.icb(), f.severity(), f.evidence(),
                f.status(), f.statusComment(), f.firstDetectedAt(), f.lastChangedAt(), f.version());
    }
}
