package uk.org.lxp.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.org.lxp.roles.FundingApplication.NotApplyingReason;
import uk.org.lxp.roles.FundingApplication.State;
import uk.org.lxp.roles.FundingApplication.Step;

/** The 2020 Band 7 offer: offered 1 December 2020, applications until 15 January 2021. */
class FundingApplicationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final FundingProgramme BAND_7_OFFER = new FundingProgramme(new FundingProgramme.Terms(
            "Band 7 lived experience leadership offer (2020)", "NHS England", LocalDate.of(2020, 12, 1),
            LocalDate.of(2020, 12, 1), LocalDate.of(2021, 1, 15), PayBand.BAND_7, RoleFamily.LIVED_EXPERIENCE_LEADERSHIP,
            RoleLevel.LEAD_OR_ADVANCED, 1, null, Set.of("RGD", "RXG")), NOW);

    private static Step step(State state, String on) {
        return new Step(state, LocalDate.parse(on), null, null);
    }

    private static FundingApplication applied() {
        return FundingApplication.first(BAND_7_OFFER, "RGD", step(State.APPLIED, "2021-01-05"), TODAY, NOW);
    }

    @Test
    void anApplicationIsAwardedAndTheAwardCanBeHandedBack() {
        FundingApplication application = applied();
        application.advance(BAND_7_OFFER, step(State.SUCCESSFUL, "2021-02-10"), TODAY, NOW);

        assertThat(application.state()).isEqualTo(State.SUCCESSFUL);
        assertThat(application.holdsAward()).isTrue();
        assertThat(application.awardedOn()).isEqualTo(LocalDate.of(2021, 2, 10));

        application.advance(BAND_7_OFFER, step(State.WITHDRAWN, "2022-03-31"), TODAY, NOW);
        assertThat(application.holdsAward()).isFalse();
        assertThat(application.awardedOn()).as("it was awarded, then handed back").isEqualTo(LocalDate.of(2021, 2, 10));
    }

    @Test
    void anOrganisationThatDidNotApplySaysWhyAndMayStillApplyWhileTheWindowIsOpen() {
        FundingApplication application = FundingApplication.first(BAND_7_OFFER, "RXG", new Step(State.NOT_APPLIED,
                LocalDate.of(2020, 12, 10), Set.of(NotApplyingReason.SHORT_TIMESCALES), null), TODAY, NOW);
        assertThat(application.reasons()).containsExactly(NotApplyingReason.SHORT_TIMESCALES);
        assertThat(application.awardedOn()).isNull();

        assertThatThrownBy(() -> application.advance(BAND_7_OFFER, step(State.APPLIED, "2020-12-05"), TODAY, NOW))
                .isInstanceOf(FundingApplication.NotAllowed.class).hasMessageContaining("decision not to apply");
        application.advance(BAND_7_OFFER, step(State.APPLIED, "2021-01-14"), TODAY, NOW);
        assertThat(application.state()).isEqualTo(State.APPLIED);
        assertThat(application.reasons()).isEmpty();
    }

    @Test
    void aDeclinedOrWithdrawnApplicationIsFinalAndStepsCannotBeSkipped() {
        FundingApplication declined = applied();
        declined.advance(BAND_7_OFFER, step(State.DECLINED, "2021-02-10"), TODAY, NOW);
        assertThatThrownBy(() -> declined.advance(BAND_7_OFFER, step(State.APPLIED, "2021-01-10"), TODAY, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("final");
        assertThat(declined.awardedOn()).isNull();

        FundingApplication withdrawn = applied();
        withdrawn.advance(BAND_7_OFFER, step(State.WITHDRAWN, "2021-01-20"), TODAY, NOW);
        assertThat(withdrawn.awardedOn()).as("withdrawn before any award").isNull();
        assertThatThrownBy(() -> withdrawn.advance(BAND_7_OFFER, step(State.SUCCESSFUL, "2021-02-10"), TODAY, NOW))
                .isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> FundingApplication.first(BAND_7_OFFER, "RGD", step(State.SUCCESSFUL, "2021-02-10"),
                TODAY, NOW)).isInstanceOf(IllegalStateException.class).hasMessageContaining("first applies");
        assertThatThrownBy(() -> applied().advance(BAND_7_OFFER, new Step(State.NOT_APPLIED, LocalDate.of(2021, 1, 6),
                Set.of(NotApplyingReason.SHORT_TIMESCALES), null), TODAY, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void daysMustFollowTheProgrammeAndEachOther() {
        assertThatThrownBy(() -> FundingApplication.first(BAND_7_OFFER, "RGD", step(State.APPLIED, "2021-01-16"), TODAY,
                NOW)).isInstanceOf(FundingApplication.NotAllowed.class)
                .satisfies(e -> assertThat(((FundingApplication.NotAllowed) e).field()).isEqualTo("on"))
                .hasMessageContaining("2021-01-15");
        assertThatThrownBy(() -> applied().advance(BAND_7_OFFER, step(State.SUCCESSFUL, "2021-01-04"), TODAY, NOW))
                .isInstanceOf(FundingApplication.NotAllowed.class).hasMessageContaining("applied");
        assertThatThrownBy(() -> applied().advance(BAND_7_OFFER, step(State.SUCCESSFUL, "2026-12-05"), TODAY, NOW))
                .isInstanceOf(FundingApplication.NotAllowed.class).hasMessageContaining("not happened");
        assertThatThrownBy(() -> FundingApplication.first(BAND_7_OFFER, "RGD", new Step(State.NOT_APPLIED,
                LocalDate.of(2020, 11, 30), Set.of(NotApplyingReason.SHORT_TIMESCALES), null), TODAY, NOW))
                .isInstanceOf(FundingApplication.NotAllowed.class).hasMessageContaining("offered");
    }

    @Test
    void reasonsBelongToNotApplyingAndOtherNeedsItsText() {
        assertThatThrownBy(() -> new Step(State.NOT_APPLIED, TODAY, Set.of(), null))
                .isInstanceOf(FieldInvalid.class).satisfies(e -> assertThat(((FieldInvalid) e).field()).isEqualTo("reasons"));
        assertThatThrownBy(() -> new Step(State.APPLIED, TODAY, Set.of(NotApplyingReason.SHORT_TIMESCALES), null))
                .isInstanceOf(FieldInvalid.class);
        assertThatThrownBy(() -> new Step(State.NOT_APPLIED, TODAY, Set.of(NotApplyingReason.OTHER), " "))
                .isInstanceOf(FieldInvalid.class).satisfies(e -> assertThat(((FieldInvalid) e).field()).isEqualTo("reasonText"));
        assertThat(new Step(State.NOT_APPLIED, TODAY, Set.of(NotApplyingReason.OTHER), "The board met too late").reasons())
                .containsExactly(NotApplyingReason.OTHER);
    }

    @Test
    void aProgrammesWindowCannotCloseBeforeItOpensAndItFundsAnAgendaForChangeBand() {
        assertThatThrownBy(() -> new FundingProgramme.Terms("x", "NHS England", LocalDate.of(2020, 12, 1),
                LocalDate.of(2020, 12, 1), LocalDate.of(2020, 11, 1), PayBand.BAND_7, RoleFamily.PEER_SUPPORT,
                RoleLevel.ENTRY, 1, null, Set.of("RGD"))).isInstanceOf(FieldInvalid.class);
        assertThatThrownBy(() -> new FundingProgramme.Terms("x", "NHS England", LocalDate.of(2020, 12, 1),
                LocalDate.of(2020, 12, 1), LocalDate.of(2021, 1, 1), PayBand.NON_AFC, RoleFamily.PEER_SUPPORT,
                RoleLevel.ENTRY, 1, null, Set.of("RGD")))
                .satisfies(e -> assertThat(((FieldInvalid) e).field()).isEqualTo("fundedBand"));
    }
}
