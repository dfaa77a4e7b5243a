package uk.org.lxp.deployment;

import java.util.List;
import java.util.Map;

/** How one deployment (docker-compose.yml or the rendered Kubernetes manifests) runs the suite. */
public interface Deployed {

    /** Names this deployment in problems, e.g. docker-compose.yml. */
    String name();

    /** The application as this deployment runs it, or null if it does not. */
    RunningApplication application(String name);

    /** Every topic it declares, by name. */
    Map<String, TopicDeclaration> topics();

    /**
     * One application: its environment (a value, or a description of where it comes from, e.g. a Secret), its image,
     * the ports its container listens on and the URL paths its health checks ask.
     */
    record RunningApplication(String name, Map<String, String> environment, String image, List<Integer> containerPorts,
            List<String> healthChecks) {
    }

    /** A topic as declared: partitions and whether it is compacted. */
    record TopicDeclaration(String name, int partitions, String cleanupPolicy) {

        public boolean compacted() {
            return cleanupPolicy.contains("compact");
        }
    }
}
