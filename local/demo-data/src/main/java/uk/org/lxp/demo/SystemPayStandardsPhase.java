package uk.org.lxp.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records the system pay standards the demo's ICBs have agreed, as their ICS analysts would; a standard the ICB already
 * has for that family and level from that day is left alone (a second one would be refused).
 */
final class SystemPayStandardsPhase {

    private static final String PATH = "/api/v1/system-pay-standards";

    private final GatewayCalls calls;
    private final Consumer<String> progress;

    SystemPayStandardsPhase(GatewayCalls calls, Consumer<String> progress) {
        this.calls = calls;
        this.progress = progress;
    }

    DemoSummary.Count run(List<Organisations.SystemPayStandard> standards) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        Tally tally = new Tally();
        for (Organisations.SystemPayStandard standard : standards) {
            JsonNode held = admin.get(PATH + "?icb=" + standard.icbOdsCode()).body();
            boolean recorded = false;
            for (JsonNode existing : held) {
                recorded |= existing.path("family").asText().equals(standard.family())
                        && existing.path("level").asText().equals(standard.level())
                        && existing.path("effectiveFrom").asText().equals(standard.effectiveFrom().toString());
            }
            if (!recorded) {
                admin.post(PATH, standard, Map.of());
                tally.created(1);
            }
        }
        DemoSummary.Count count = tally.of(standards.size());
        progress.accept("system pay standards: " + count);
        return count;
    }
}
