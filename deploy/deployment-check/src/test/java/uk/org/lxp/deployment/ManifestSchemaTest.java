package uk.org.lxp.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.lxp.deployment.Deployments.KUBERNETES;

import org.junit.jupiter.api.Test;

/** Every rendered resource is valid for its kind's API model (core, Strimzi) or operator (CloudNativePG, Keycloak). */
class ManifestSchemaTest {

    private final SchemaCheck schemas = new SchemaCheck();

    @Test
    void theProductionOverlayRendersValidResources() {
        assertThat(KUBERNETES.ofKind("Deployment")).hasSize(4);
        assertThat(KUBERNETES.ofKind("Cluster")).hasSize(4);
        assertThat(schemas.check(KUBERNETES)).isEmpty();
    }

    @Test
    void aFieldTheKubernetesApiDoesNotHaveIsReported() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Yaml.map(Yaml.at(doctored.named("Deployment", "gateway"), "spec")).put("replica", 3);
        Object container = Yaml.list(Yaml.at(doctored.named("Deployment", "gateway"), "spec", "template", "spec", "containers")).get(0);
        Yaml.map(Yaml.map(container).get("readinessProbe")).put("path", "/q/health/ready");

        assertThat(schemas.check(doctored)).containsExactlyInAnyOrder(
                "apps/v1/Deployment gateway: unknown field spec.replica",
                "apps/v1/Deployment gateway: unknown field spec.template.spec.containers[0].readinessProbe.path");
    }

    @Test
    void aFieldStrimziDoesNotHaveOrAWrongTypeIsReported() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Yaml.map(Yaml.at(doctored.named("KafkaTopic", "lxp.roles.post.v1"), "spec")).put("replication", 3);
        Yaml.map(Yaml.at(doctored.named("KafkaNodePool", "dual-role"), "spec")).put("replicas", "three");

        assertThat(schemas.check(doctored)).hasSize(2).anySatisfy(problem -> assertThat(problem)
                .isEqualTo("kafka.strimzi.io/v1beta2/KafkaTopic lxp.roles.post.v1: unknown field spec.replication"))
                .anySatisfy(problem -> assertThat(problem).startsWith("kafka.strimzi.io/v1beta2/KafkaNodePool dual-role: "));
    }

    @Test
    void anOperatorResourceWithoutARequiredFieldIsReported() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Yaml.map(Yaml.at(doctored.named("Cluster", "roles-db"), "spec")).remove("backup");
        Yaml.map(Yaml.at(doctored.named("ScheduledBackup", "supervision-db-nightly"), "spec")).put("schedule", "0 2 * * *");

        assertThat(schemas.check(doctored)).containsExactlyInAnyOrder(
                "postgresql.cnpg.io/v1/Cluster roles-db: required field spec.backup.barmanObjectStore.destinationPath is missing",
                "postgresql.cnpg.io/v1/Cluster roles-db: required field spec.backup.retentionPolicy is missing",
                "ScheduledBackup supervision-db-nightly: schedule 0 2 * * * must have six fields, seconds first");
    }
}
