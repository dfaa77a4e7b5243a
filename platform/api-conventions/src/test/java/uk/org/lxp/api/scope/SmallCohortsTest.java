package uk.org.lxp.api.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SmallCohortsTest {

    @Test
    void rowsShowingFewUnseenMembersAreHiddenAndSoIsTheNextSmallestWhenTheTotalWouldGiveThemAway() {
        assertThat(SmallCohorts.suppress(Map.of("RGD", 2, "RXG", 8, "RX3", 9)).rows())
                .as("RGD hidden; the total less RXG and RX3 would show it, so RXG goes too")
                .containsExactlyInAnyOrder("RGD", "RXG");
        assertThat(SmallCohorts.suppress(Map.of("RGD", 2, "RXG", 3, "RX3", 9)))
                .isEqualTo(new SmallCohorts.Suppression(Set.of("RGD", "RXG"), false));
        assertThat(SmallCohorts.suppress(Map.of("RGD", 0, "RXG", 8)))
                .as("the caller's own rows hold none it cannot see").isEqualTo(new SmallCohorts.Suppression(Set.of(), false));
        assertThat(SmallCohorts.suppress(Map.of("PEER_SUPPORT|ENTRY", 1)))
                .as("a row of the caller's 9 posts and another trust's 1 would show that one less the caller's own")
                .isEqualTo(new SmallCohorts.Suppression(Set.of("PEER_SUPPORT|ENTRY"), true));
        assertThat(SmallCohorts.suppress(Map.of("RGD", 0, "RXG", 3)))
                .as("the total less the caller's own row would show RXG").isEqualTo(new SmallCohorts.Suppression(Set.of("RXG"), true));
    }
}
