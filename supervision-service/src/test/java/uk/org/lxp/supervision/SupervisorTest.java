package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class SupervisorTest {

    private static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");

    private static Supervisor.Details capacity(int maxSupervisees) {
        return new Supervisor.Details(true, "PEER_SUPPORT", "SENIOR", maxSupervisees, null, null, null);
    }

    @Test
    void aSupervisorHasRoomUntilTheyReachTheirCapacity() {
        Supervisor supervisor = new Supervisor("RGD", "E-104233", capacity(2), NOW);

        assertThat(supervisor.hasRoomBeside(0)).isTrue();
        assertThat(supervisor.hasRoomBeside(1)).isTrue();
        assertThat(supervisor.hasRoomBeside(2)).isFalse();
    }

    @Test
    void capacityIsOneToFiftyOnlyAnLxpHasAnLxpFamilyAndDaysAwayDoNotOverlap() {
        assertThatThrownBy(() -> capacity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> capacity(51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Supervisor.Details(false, "PEER_SUPPORT", null, 3, null, null, null))
                .hasMessageContaining("Only a supervisor who is an LXP");
        assertThatThrownBy(() -> new Supervisor.Details(true, null, null, 3, null, null, "not an email"))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> new Supervisor.Details(true, null, null, 3, null, List.of(
                new DateRange(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 9)),
                new DateRange(LocalDate.of(2027, 4, 9), LocalDate.of(2027, 4, 12))), null))
                .hasMessageContaining("overlap");
    }

    @Test
    void changingOnlyWhatIsTheSameIsNoChange() {
        Supervisor supervisor = new Supervisor("RGD", "E-104233", capacity(4), NOW);
        Supervisor.Details partTime = new Supervisor.Details(true, "PEER_SUPPORT", "SENIOR", 4,
                new WorkingPattern(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), LocalTime.of(15, 0)),
                List.of(new DateRange(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 9))), null);

        assertThat(supervisor.change(capacity(4), NOW)).isFalse();
        assertThat(supervisor.change(partTime, NOW)).isTrue();
        assertThat(supervisor.workingPattern().worksOn(DayOfWeek.TUESDAY)).isFalse();
        assertThat(supervisor.away()).containsExactly(new DateRange(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 4, 9)));
    }
}
