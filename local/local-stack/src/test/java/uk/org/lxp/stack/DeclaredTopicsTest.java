package uk.org.lxp.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredTopicsTest {

    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void everyTopicOfTheKubernetesBaseIsReadWithItsPartitionsCleanupPolicyAndReplicationWhereTheBrokersAllowIt() {
        List<DeclaredTopics.Topic> topics = DeclaredTopics.read(ROOT);
        assertThat(topics).extracting(DeclaredTopics.Topic::name)
                .contains("lxp.roles.post.v1", "lxp.supervision.supervisor.v1", "lxp.pay-equity.transparency.v1")
                .doesNotHaveDuplicates();
        DeclaredTopics.Topic supervisors = topics.stream()
                .filter(topic -> topic.name().equals("lxp.supervision.supervisor.v1")).findFirst().orElseThrow();
        assertThat(supervisors.partitions()).isEqualTo(6);
        assertThat(supervisors.replicationOn(1)).isEqualTo((short) 1);
        assertThat(supervisors.configsOn(1)).containsEntry("cleanup.policy", "compact").doesNotContainKey("min.insync.replicas");
        assertThat(supervisors.replicationOn(3)).isEqualTo((short) 3);
        assertThat(supervisors.configsOn(3)).containsEntry("cleanup.policy", "compact").containsEntry("min.insync.replicas", "2");
    }
}
