package uk.org.lxp.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.org.lxp.deployment.Deployments.CHECK;
import static uk.org.lxp.deployment.Deployments.COMPOSE;
import static uk.org.lxp.deployment.Deployments.KUBERNETES;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** docker-compose.yml and the production overlay agree with the code as it is. */
class DeploymentDriftTest {

    @Test
    void theCodesEventsAreFoundWhereTheServicesDeclareThem() {
        EventTopology payEquity = CHECK.topologies().get("pay-equity-service");
        assertThat(payEquity.produced()).containsExactlyInAnyOrder("lxp.pay-equity.parity-finding.v1",
                "lxp.pay-equity.cost-to-close-figures.v1", "lxp.pay-equity.transparency.v1");
        assertThat(payEquity.subscriptions()).extracting(EventTopology.Subscription::group).containsExactlyInAnyOrder(
                "pay-equity-service.organisation-directory", "pay-equity-service.roles-role-profiles", "pay-equity-service.roles-posts",
                "pay-equity-service.roles-funding-programmes");
        assertThat(payEquity.consumed()).containsExactlyInAnyOrder(
                "lxp.roles.organisation.v1", "lxp.roles.role-profile.v1", "lxp.roles.post.v1",
                "lxp.roles.funding-programme.v1");
        assertThat(CHECK.topologies().get("roles-service").produced()).contains("lxp.roles.organisation.v1", "lxp.roles.post.v1");
        assertThat(CHECK.topologies().get("gateway").produced()).isEmpty();
    }

    @Test
    void everyVariableSetIsOneTheApplicationReadsAndEveryRequiredOneIsSet() {
        assertThat(CHECK.environment(COMPOSE)).isEmpty();
        assertThat(CHECK.environment(KUBERNETES)).isEmpty();
    }

    @Test
    void imagesPortsAndHealthChecksAreTheApplications() {
        assertThat(CHECK.images()).isEmpty();
        assertThat(CHECK.imagesAndPorts(COMPOSE)).isEmpty();
        assertThat(CHECK.imagesAndPorts(KUBERNETES)).isEmpty();
    }

    @Test
    void everyTopicTheCodeUsesIsDeclaredAlikeInBothDeployments() {
        assertThat(CHECK.topics(COMPOSE, KUBERNETES)).isEmpty();
    }

    @Test
    void theEventCatalogueGivesEachTopicsPartitionsCleanupPolicyAndReadersAsDeployed() {
        assertThat(CHECK.eventCatalogue(KUBERNETES)).isEmpty();
    }

    @Test
    void eachReaderMayReadExactlyWhatItConsumes() {
        assertThat(CHECK.acls(KUBERNETES)).isEmpty();
    }

    @Test
    void onlyTheGatewayAndKeycloakAreReachableFromOutsideAndEachDatabaseOnlyFromItsService() {
        assertThat(CHECK.networkPolicies(KUBERNETES)).isEmpty();
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublishedToTheHost() {
        assertThat(COMPOSE.published()).isEqualTo(Set.of("gateway", "keycloak"));
    }
}
