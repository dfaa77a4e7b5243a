package uk.org.lxp.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Asks pay-equity-service to evaluate the parity rules and counts what they found. Its copies of posts and
 * profiles arrive through Kafka, so the last changes may not have reached it yet: it evaluates again, for as long
 * as the timeout allows, until every story of the data set has its finding.
 */
final class FindingsPhase {

    private static final String FINDINGS = "/api/v1/parity-findings";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(3);

    record Result(Map<String, Integer> openByRule, List<Story> notShown) {
    }

    private final GatewayCalls calls;
    private final Consumer<String> progress;
    private final Duration timeout;

    FindingsPhase(GatewayCalls calls, Consumer<String> progress, Duration timeout) {
        this.calls = calls;
        this.progress = progress;
        this.timeout = timeout;
    }

    Result run(List<Story> stories) {
        GatewayCalls.Caller admin = calls.as(DemoClients.LXP_ADMIN);
        Deadline deadline = Deadline.after(timeout);
        List<JsonNode> open = evaluate(admin);
        List<Story> notShown = notShown(stories, open);
        if (!notShown.isEmpty()) {
            progress.accept("parity findings: waiting for pay-equity-service to catch up");
        }
        while (!notShown.isEmpty() && !deadline.hasPassed()) {
            Deadline.pause(RETRY_PAUSE);
            open = evaluate(admin);
            notShown = notShown(stories, open);
        }
        Map<String, Integer> byRule = open.stream().collect(Collectors.groupingBy(
                finding -> finding.path("rule").asText(), TreeMap::new, Collectors.summingInt(finding -> 1)));
        progress.accept("parity findings: " + (byRule.isEmpty() ? "none" : byRule.entrySet().stream()
                .map(rule -> rule.getKey() + " " + rule.getValue()).collect(Collectors.joining(", "))));
        notShown.forEach(story -> progress.accept("not shown yet: " + story.rule() + " at " + story.where()
                + " (" + story.story() + ")"));
        return new Result(byRule, notShown);
    }

    /** Findings not resolved after an evaluation run now. */
    private static List<JsonNode> evaluate(GatewayCalls.Caller admin) {
        admin.postEmpty(FINDINGS + "/evaluations", null);
        return admin.allPages(FINDINGS).stream()
                .filter(finding -> !"RESOLVED".equals(finding.path("status").asText()))
                .toList();
    }

    private static List<Story> notShown(List<Story> stories, List<JsonNode> open) {
        return stories.stream().filter(story -> open.stream().noneMatch(story::isShownBy)).toList();
    }
}
