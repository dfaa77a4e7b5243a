package uk.org.lxp.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether the questions before a role is created have been settled together: every topic answered with at least one
 * perspective of people who use services or carers and one of the provider. What is missing is said per topic.
 */
public record Readiness(boolean complete, int settled, int topics, List<Unsettled> missing) {

    @Schema(name = "ReadinessLack")
    public enum Lack { ANSWER, USER_OR_CARER_PERSPECTIVE, PROVIDER_PERSPECTIVE }

    /** A topic not yet settled and what it lacks. */
    @Schema(name = "ReadinessUnsettledTopic")
    public record Unsettled(String topicCode, String topic, List<Lack> lacking) {
    }

    public static Readiness assess(List<ReadinessTopic> topics, List<ReadinessAnswer> answers) {
        Map<String, ReadinessAnswer> byTopic = answers.stream()
                .collect(Collectors.toMap(ReadinessAnswer::topicCode, Function.identity(), (first, last) -> last));
        List<Unsettled> missing = new ArrayList<>();
        for (ReadinessTopic topic : topics) {
            ReadinessAnswer answer = byTopic.get(topic.code());
            List<Lack> lacking = new ArrayList<>();
            if (answer == null) {
                lacking.add(Lack.ANSWER);
            } else {
                if (!answer.heardUsersOrCarers()) {
                    lacking.add(Lack.USER_OR_CARER_PERSPECTIVE);
                }
                if (!answer.heardProvider()) {
                    lacking.add(Lack.PROVIDER_PERSPECTIVE);
                }
            }
            if (!lacking.isEmpty()) {
                missing.add(new Unsettled(topic.code(), topic.topic(), List.copyOf(lacking)));
            }
        }
        return new Readiness(missing.isEmpty(), topics.size() - missing.size(), topics.size(), List.copyOf(missing));
    }
}
