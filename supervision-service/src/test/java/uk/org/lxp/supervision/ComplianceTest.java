package uk.org.lxp.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.org.lxp.supervision.Compliance.Standing;

class ComplianceTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);

    @Test
    void anAgreementIsOverdueOnlyOnceMoreThanItsStandardHasPassedWithoutASessionHeld() {
        assertThat(Compliance.standing(FIRST_DAY, 28, null, List.of(), FIRST_DAY.plusDays(28))).isEqualTo(Standing.COMPLIANT);
        assertThat(Compliance.standing(FIRST_DAY, 28, null, List.of(), FIRST_DAY.plusDays(29))).isEqualTo(Standing.OVERDUE);
        LocalDate held = FIRST_DAY.plusDays(40);
        assertThat(Compliance.standing(FIRST_DAY, 28, held, List.of(), held.plusDays(28))).isEqualTo(Standing.COMPLIANT);
        assertThat(Compliance.standing(FIRST_DAY, 28, held, List.of(), held.plusDays(29))).isEqualTo(Standing.OVERDUE);
    }

    @Test
    void aSessionHeldBeforeTheAgreementBeganDoesNotStartTheCount() {
        assertThat(Compliance.standing(FIRST_DAY, 14, FIRST_DAY.minusDays(30), List.of(), FIRST_DAY.plusDays(10)))
                .isEqualTo(Standing.COMPLIANT);
        assertThat(Compliance.standing(FIRST_DAY, 14, FIRST_DAY.minusDays(30), List.of(), FIRST_DAY.plusDays(15)))
                .isEqualTo(Standing.OVERDUE);
    }

    @Test
    void aSessionDueInTheWindowAndAwaitingItsRecordHoldsJudgementBackUntilItIsRecorded() {
        LocalDate today = FIRST_DAY.plusDays(20);
        assertThat(Compliance.standing(FIRST_DAY, 14, null, List.of(FIRST_DAY.plusDays(14)), today))
                .isEqualTo(Standing.COMPLIANT);
        assertThat(Compliance.standing(FIRST_DAY, 14, null, List.of(), today)).isEqualTo(Standing.OVERDUE);
        assertThat(Compliance.standing(FIRST_DAY, 14, null, List.of(FIRST_DAY.plusDays(15)), today))
                .isEqualTo(Standing.OVERDUE);
    }

    @Test
    void aPostHolderLacksSupervisionOnlyAfterTheTimeANewStarterIsGiven() {
        LocalDate filled = LocalDate.of(2026, 10, 1);
        Set<SupervisionType> required = Set.of(SupervisionType.LIVED_EXPERIENCE_PROFESSIONAL, SupervisionType.LINE_MANAGEMENT);
        Set<SupervisionType> provided = Set.of(SupervisionType.LINE_MANAGEMENT);
        assertThat(Compliance.missingSupervision(required, provided, filled, 28, filled.plusDays(28))).isEmpty();
        assertThat(Compliance.missingSupervision(required, provided, filled, 28, filled.plusDays(29)))
                .containsExactly(SupervisionType.LIVED_EXPERIENCE_PROFESSIONAL);
        assertThat(Compliance.missingSupervision(required, required, filled, 28, filled.plusDays(90))).isEmpty();
        assertThat(Compliance.missingSupervision(Set.of(), Set.of(), filled, 28, filled.plusDays(90))).isEmpty();
        assertThat(Compliance.missingSupervision(required, Set.of(), null, 28, filled.plusDays(90))).isEmpty();
    }

    @Test
    void aSupervisorIsOverCapacityOnlyAboveIt() {
        assertThat(Compliance.overCapacity(6, 6)).isFalse();
        assertThat(Compliance.overCapacity(7, 6)).isTrue();
    }

    @Test
    void seniorityComparesKnownLxpLevelsOnly() {
        assertThat(Compliance.moreSenior("SENIOR", "ENTRY")).isTrue();
        assertThat(Compliance.moreSenior("SENIOR", "SENIOR")).isFalse();
        assertThat(Compliance.moreSenior("ENTRY", "LEAD_OR_ADVANCED")).isFalse();
        assertThat(Compliance.moreSenior("SENIOR", null)).isFalse();
        assertThat(Compliance.moreSenior(null, "ENTRY")).isFalse();
    }

    @Test
    void membersShareOnlyTheDaysAndHoursAllOfThemWork() {
        WorkingPattern shared = WorkingPattern.sharedBy(List.of(WorkingPattern.STANDARD,
                WorkingPattern.stored("TUESDAY,WEDNESDAY,SATURDAY", LocalTime.of(10, 0), LocalTime.of(18, 0))));
        assertThat(shared.storedDays()).isEqualTo("TUESDAY,WEDNESDAY");
        assertThat(shared.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(shared.end()).isEqualTo(LocalTime.of(17, 0));
        assertThatThrownBy(() -> WorkingPattern.sharedBy(List.of(WorkingPattern.STANDARD,
                WorkingPattern.stored("SATURDAY", LocalTime.of(9, 0), LocalTime.of(12, 0)))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
