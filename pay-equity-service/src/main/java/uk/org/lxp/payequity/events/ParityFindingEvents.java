package uk.org.lxp.payequity.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.payequity.ParityFinding;
import uk.org.lxp.payequity.ParityRules;

/** Parity findings for ICS dashboards: organisations, ICBs, roles and numbers, never people. */
@ApplicationScoped
public class ParityFindingEvents {

    public static final String TOPIC = "lxp.pay-equity.parity-finding.v1";
    public static final String RAISED = "lxp.payequity.ParityFindingRaised";
    public static final String UPDATED = "lxp.payequity.ParityFindingUpdated";
    public static final String REOPENED = "lxp.payequity.ParityFindingReopened";
    public static final String ACKNOWLEDGED = "lxp.payequity.ParityFindingAcknowledged";
    public static final String RESOLVED = "lxp.payequity.ParityFindingResolved";

    private final Outbox outbox;

    ParityFindingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record FindingState(UUID id, ParityRules.Rule rule, String subject, String organisationCode, String icbCode,
            ParityRules.Severity severity, Map<String, Object> evidence, ParityFinding.Status status,
            String statusComment, Instant firstDetectedAt, Instant lastChangedAt, int version) {

        /**
         * The finding as dashboards may see it. Its status comment is left out (always null): it is free text a lead
         * typed, which may name a colleague, and the topic is read outside the trust; the API shows it to the trust.
         */
        public static FindingState of(ParityFinding f) {
            return new FindingState(f.id(), f.rule(), f.subject(), f.organisation(), f.icb(), f.severity(), f.evidence(),
                    f.status(), null, f.firstDetectedAt(), f.lastChangedAt(), f.version());
        }
    }

    public void record(String type, ParityFinding finding) {
        outbox.record(new OutboxEvent("parity-finding", finding.id().toString(), type, TOPIC, FindingState.of(finding)));
    }
}
