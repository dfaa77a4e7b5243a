package uk.org.lxp.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.lxp.deployment.Deployments.CHECK;
import static uk.org.lxp.deployment.Deployments.COMPOSE;
import static uk.org.lxp.deployment.Deployments.COMPOSE_TEXT;
import static uk.org.lxp.deployment.Deployments.KUBERNETES;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The drift check fails on deployments that no longer match the code: each case doctors one input and expects exactly
 * the problems that change adds to those of the repository as it is.
 */
class DriftCheckTest {

    private static final String NEW_TOPIC = "lxp.supervision.not-yet-declared.v1";

    @Test
    void aTopicTheCodeStartsToPublishMustBeDeclaredInBothDeployments() {
        EventTopology supervision = CHECK.topologies().get("supervision-service");
        Set<String> produced = new TreeSet<>(supervision.produced());
        produced.add(NEW_TOPIC);
        DriftCheck changed = CHECK.withTopology(new EventTopology("supervision-service", produced, supervision.subscriptions()));

        assertThat(added(changed.topics(COMPOSE, KUBERNETES), CHECK.topics(COMPOSE, KUBERNETES))).containsExactlyInAnyOrder(
                "docker-compose.yml does not declare topic " + NEW_TOPIC + " (published by supervision-service)",
                "deploy/kubernetes does not declare topic " + NEW_TOPIC + " (published by supervision-service)");
        assertThat(added(changed.acls(KUBERNETES), CHECK.acls(KUBERNETES))).containsExactly("KafkaUser supervision-service allows [] on topic:literal:"
                + NEW_TOPIC + ", but it needs [Describe, Write]");
    }

    @Test
    void aNewSubscriptionNeedsItsTopicsDeadLettersAndConsumerGroup() {
        EventTopology roles = CHECK.topologies().get("roles-service");
        List<EventTopology.Subscription> subscriptions = new ArrayList<>(roles.subscriptions());
        subscriptions.add(new EventTopology.Subscription("roles-service.parity-findings", Set.of("lxp.pay-equity.parity-finding.v1")));
        DriftCheck changed = CHECK.withTopology(new EventTopology("roles-service", roles.produced(), subscriptions));

        assertThat(added(changed.topics(COMPOSE, KUBERNETES), CHECK.topics(COMPOSE, KUBERNETES))).containsExactlyInAnyOrder(
                "docker-compose.yml does not declare topic lxp.pay-equity.parity-finding.v1.dlq (dead letters of roles-service)",
                "deploy/kubernetes does not declare topic lxp.pay-equity.parity-finding.v1.dlq (dead letters of roles-service)");
        assertThat(added(changed.acls(KUBERNETES), CHECK.acls(KUBERNETES))).containsExactlyInAnyOrder(
                "KafkaUser roles-service allows [] on group:literal:roles-service.parity-findings, but it needs [Read]",
                "KafkaUser roles-service allows [] on topic:literal:lxp.pay-equity.parity-finding.v1, but it needs [Describe, Read]",
                "KafkaUser roles-service allows [] on topic:literal:lxp.pay-equity.parity-finding.v1.dlq, but it needs "
                        + "[Describe, Read, Write]");
    }

    @Test
    void aTopicMissingFromTheComposeFileOrDeclaredDifferentlyIsReported() {
        String withoutPosts = COMPOSE_TEXT.replace("        create_topic lxp.roles.post.v1 6 compact\n", "")
                .replace("create_topic lxp.roles.organisation.v1 6 compact", "create_topic lxp.roles.organisation.v1 3 delete");

        assertThat(added(CHECK.topics(ComposeFile.parse(withoutPosts), KUBERNETES), CHECK.topics(COMPOSE, KUBERNETES)))
                .containsExactlyInAnyOrder(
                "docker-compose.yml does not declare topic lxp.roles.post.v1 (published by roles-service)",
                "topic lxp.roles.organisation.v1 has 3 partitions, delete in docker-compose.yml but 6, compact in deploy/kubernetes");
    }

    @Test
    void aVariableNoApplicationReadsIsReported() {
        String doctored = COMPOSE_TEXT.replace("      DB_URL: jdbc:postgresql://roles-db:5432/roles\n",
                "      DB_URL: jdbc:postgresql://roles-db:5432/roles\n      QUARKUS_DATASOURCE_URL: jdbc:postgresql://roles-db:5432/roles\n"
                        + "      LXP_PUBLIC_URL: http://localhost:8080\n");

        assertThat(added(CHECK.environment(ComposeFile.parse(doctored)), CHECK.environment(COMPOSE))).containsExactlyInAnyOrder(
                "docker-compose.yml sets QUARKUS_DATASOURCE_URL for roles-service, which is no configuration key roles-service reads",
                "docker-compose.yml sets LXP_PUBLIC_URL for roles-service, which is no configuration key roles-service reads");
    }

    @Test
    void aRequiredVariableLeftOutIsReported() {
        String doctored = COMPOSE_TEXT.replace("DB_PASSWORD: ${PAY_EQUITY_DB_PASSWORD}\n      KAFKA_BOOTSTRAP_SERVERS: kafka:9092\n",
                "DB_PASSWORD: ${PAY_EQUITY_DB_PASSWORD}\n");

        assertThat(added(CHECK.environment(ComposeFile.parse(doctored)), CHECK.environment(COMPOSE))).containsExactly("docker-compose.yml does not set "
                + "KAFKA_BOOTSTRAP_SERVERS for pay-equity-service (kafka.bootstrap.servers would stay on its one-machine default)");
    }

    @Test
    void aWrongPortOrImageIsReported() {
        String doctored = COMPOSE_TEXT.replace("ROLES_SERVICE_URL: http://roles-service:8081", "ROLES_SERVICE_URL: http://roles-service:8080")
                .replace("/pay-equity-service:${LXP_VERSION", "/pay-equity:${LXP_VERSION");

        assertThat(added(CHECK.imagesAndPorts(ComposeFile.parse(doctored)), CHECK.imagesAndPorts(COMPOSE))).containsExactlyInAnyOrder(
                "docker-compose.yml: pay-equity-service runs image ${LXP_IMAGE_PREFIX:-lxp}/pay-equity:${LXP_VERSION:-0.1.0-SNAPSHOT}, "
                        + "not pay-equity-service's",
                "docker-compose.yml: gateway's ROLES_SERVICE_URL names roles-service on port 8080, but it listens on 8081");
    }

    @Test
    void aDashboardMayNotReadATopicCarryingStaffReferences() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Object firstAcl = Yaml.list(Yaml.at(doctored.named("KafkaUser", "ics-dashboard"), "spec", "authorization", "acls")).get(0);
        Yaml.map(Yaml.map(firstAcl).get("resource")).put("name", "lxp.roles.post.v1");

        assertThat(added(CHECK.acls(doctored), CHECK.acls(KUBERNETES))).containsExactly("KafkaUser ics-dashboard reads lxp.roles.post.v1, which carries staff references");
    }

    @Test
    void aTopicDeployedOtherwiseThanTheCatalogueSaysOrReadByADashboardItDoesNotNameIsReported() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Yaml.map(Yaml.at(doctored.named("KafkaTopic", "lxp.supervision.session.v1"), "spec")).put("partitions", 12);
        Object firstAcl = Yaml.list(Yaml.at(doctored.named("KafkaUser", "ics-dashboard"), "spec", "authorization", "acls")).get(0);
        Yaml.map(Yaml.map(firstAcl).get("resource")).put("name", "lxp.roles.organisation.v1");

        assertThat(added(CHECK.eventCatalogue(doctored), CHECK.eventCatalogue(KUBERNETES))).containsExactlyInAnyOrder(
                "The event catalogue gives lxp.supervision.session.v1 6 partitions and cleanup policy compact, but"
                        + " deploy/kubernetes 12 and compact",
                "The event catalogue says [services] read lxp.roles.organisation.v1, but a dashboard's KafkaUser may",
                "The event catalogue says [dashboards, services] read lxp.pay-equity.parity-finding.v1, but no dashboard's"
                        + " KafkaUser may");
    }

    @Test
    void aServiceMayNotReadMoreThanItConsumes() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Object firstAcl = Yaml.list(Yaml.at(doctored.named("KafkaUser", "roles-service"), "spec", "authorization", "acls")).get(0);
        Yaml.map(firstAcl).put("operations", List.of("Describe", "Read", "Write"));

        assertThat(added(CHECK.acls(doctored), CHECK.acls(KUBERNETES))).containsExactly("KafkaUser roles-service allows [Describe, Read, Write] on "
                + "topic:literal:lxp.roles.organisation.v1, but it needs [Describe, Write]");
    }

    @Test
    void aDatabaseOpenToAnotherServiceIsReported() {
        Manifests doctored = Manifests.render(Deployments.SUITE.root(), Manifests.PRODUCTION);
        Object firstPeer = Yaml.list(Yaml.map(Yaml.list(Yaml.at(doctored.named("NetworkPolicy", "roles-db"), "spec", "ingress")).get(0))
                .get("from")).get(0);
        Yaml.map(Yaml.at(firstPeer, "podSelector", "matchLabels")).put("app.kubernetes.io/name", "gateway");

        assertThat(CHECK.networkPolicies(doctored)).containsExactly("NetworkPolicy roles-db admits "
                + "{podSelector={matchLabels={app.kubernetes.io/name=gateway}}} to database roles-db, which only roles-service uses");
    }

    /** The problems a doctored input adds to those of the repository as it is. */
    private static List<String> added(List<String> problems, List<String> baseline) {
        List<String> added = new ArrayList<>(problems);
        added.removeAll(baseline);
        return added;
    }
}
