package uk.org.lxp.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Records the national funding programmes (lxp-admin) and each trust's answer, step by step, as its own HR system
 * would; a programme that exists and steps already taken are left alone. Says which programme each funding stream
 * names, so that the trusts' posts can name the programme that pays for them.
 */
final class FundingProgrammesPhase {

    private static final String PATH = "/api/v1/funding-programmes";

    record Result(DemoSummary.Count steps, Map<String, UUID> programmeByName) {
    }

    private final GatewayCalls calls;
    private final Consumer<String> progress;

    FundingProgrammesPhase(GatewayCalls calls, Consumer<String> progress) {
        this.calls = calls;
        this.progress = progress;
    }

    Result run(List<Organisations.FundingProgramme> programmes) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        Map<String, UUID> byName = new HashMap<>();
        admin.get(PATH).body().forEach(held -> byName.put(held.path("name").asText(), UUID.fromString(held.path("id").asText())));
        Tally tally = new Tally();
        int steps = 0;
        for (Organisations.FundingProgramme programme : programmes) {
            UUID id = byName.computeIfAbsent(programme.name(),
                    name -> UUID.fromString(admin.post(PATH, programme, Map.of()).body().path("id").asText()));
            for (Organisations.Answer answer : programme.answers()) {
                steps += answer.steps().size();
                takeRemainingSteps(id, answer, tally);
            }
        }
        DemoSummary.Count count = tally.of(steps);
        progress.accept("funding programmes: " + programmes.size() + ", the trusts' answers in " + count + " steps");
        return new Result(count, byName);
    }

    /** The steps after the one the organisation's application is at, each with the version the last one left. */
    private void takeRemainingSteps(UUID programme, Organisations.Answer answer, Tally tally) {
        GatewayCalls.Caller hr = calls.as(DemoClients.hrIntegration(answer.organisation()));
        JsonNode held = null;
        for (JsonNode application : hr.get(PATH + "/" + programme + "/applications").body()) {
            if (application.path("organisationCode").asText().equals(answer.organisation())) {
                held = application;
            }
        }
        String state = held == null || held.path("state").isNull() ? null : held.path("state").asText();
        String etag = held == null || held.path("version").isNull() ? null : "\"" + held.path("version").asInt() + "\"";
        boolean reached = state == null;
        for (Organisations.Step step : answer.steps()) {
            if (!reached) {
                reached = step.state().equals(state);
                continue;
            }
            etag = hr.put(PATH + "/" + programme + "/applications/" + answer.organisation(), step, etag).etag();
            tally.created(1);
        }
    }
}
