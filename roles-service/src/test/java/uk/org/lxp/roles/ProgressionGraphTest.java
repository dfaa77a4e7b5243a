package uk.org.lxp.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.lxp.roles.ProgressionGraph.Role;
import uk.org.lxp.roles.ProgressionGraph.Step;
import uk.org.lxp.roles.ProgressionRoute.Kind;
import uk.org.lxp.roles.RoleProfile.Status;

class ProgressionGraphTest {

    private final Role peer = role(PayBand.BAND_3, RoleLevel.ENTRY, Status.PUBLISHED);
    private final Role senior = role(PayBand.BAND_5, RoleLevel.SENIOR, Status.PUBLISHED);
    private final Role lead = role(PayBand.BAND_7, RoleLevel.LEAD_OR_ADVANCED, Status.PUBLISHED);
    private final Role director = role(PayBand.NON_AFC, RoleLevel.STRATEGIC_OR_DIRECTOR, Status.PUBLISHED);
    private final Role trainer = role(PayBand.BAND_4, RoleLevel.ENTRY, Status.PUBLISHED);
    private final Role retiredLead = role(PayBand.BAND_8A, RoleLevel.LEAD_OR_ADVANCED, Status.RETIRED);

    private final ProgressionGraph graph = new ProgressionGraph(
            List.of(peer, senior, lead, director, trainer, retiredLead),
            List.of(step(peer, senior, Kind.PRACTICE), step(senior, lead, Kind.MANAGERIAL),
                    step(lead, director, Kind.MANAGERIAL), step(lead, peer, Kind.PRACTICE),
                    step(trainer, retiredLead, Kind.PRACTICE)));

    @Test
    void onwardRoutesAreTransitiveWithShortestPathsAndTheHighestBand() {
        var onward = graph.onwardFrom(peer.id());
        assertThat(onward.destinations()).extracting(d -> d.role().id())
                .containsExactly(senior.id(), lead.id(), director.id());
        assertThat(onward.destinations().get(1).path()).extracting(Step::kind)
                .containsExactly(Kind.PRACTICE, Kind.MANAGERIAL);
        assertThat(onward.highestBand()).contains(PayBand.BAND_7);
    }

    @Test
    void cyclesEndAndRetiredRolesAreNoDestination() {
        assertThat(graph.onwardFrom(lead.id()).destinations()).extracting(d -> d.role().id())
                .containsExactlyInAnyOrder(director.id(), peer.id(), senior.id());
        assertThat(graph.onwardFrom(trainer.id()).destinations()).isEmpty();
        assertThat(graph.onwardFrom(trainer.id()).highestBand()).isEmpty();
    }

    @Test
    void entryRolesWithNoRouteToBand7AreDeadEnds() {
        assertThat(graph.deadEnds(List.of(peer, senior, lead, trainer))).containsExactly(trainer);
    }

    private static Role role(PayBand band, RoleLevel level, Status status) {
        return new Role(UUID.randomUUID(), level.name(), band, level, status, "RGD");
    }

    private static Step step(Role from, Role to, Kind kind) {
        return new Step(from.id(), to.id(), kind);
    }
}
