package uk.org.lxp.payequity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class PayCalculationsTest {

    @Test
    void band3EntryPointIn2025To26Is1275AnHour() {
        assertThat(PayCalculations.hourlyRate(new BigDecimal("24937"))).isEqualByComparingTo("12.75");
    }

    @Test
    void band2In2025To26Is1251AnHour() {
        assertThat(PayCalculations.hourlyRate(new BigDecimal("24465"))).isEqualByComparingTo("12.51");
    }

    @Test
    void hourlyRateRoundsHalfUpToThePenny() {
        // 52.143 weeks of 37.5 hours are 1,955.3625 hours, so 19,563.4018125 a year is exactly 10.005 an hour.
        assertThat(PayCalculations.hourlyRate(new BigDecimal("19563.4018125"))).isEqualByComparingTo("10.01");
        assertThat(PayCalculations.hourlyRate(new BigDecimal("19563.4018124"))).isEqualByComparingTo("10.00");
    }

    @Test
    void payYearsReadBothWaysAndRejectNonsense() {
        assertThat(PayYear.parse("2025/26")).isEqualTo(new PayYear(2025));
        assertThat(PayYear.parse("2025-26").toString()).isEqualTo("2025/26");
        assertThat(PayYear.parse("2099/00").toString()).isEqualTo("2099/00");
        assertThatThrownBy(() -> PayYear.parse("2025/27")).hasMessageContaining("consecutive");
        assertThatThrownBy(() -> PayYear.parse("25/26")).hasMessageContaining("2025/26");
    }

    @Test
    void bandsRankInPayOrderWithFourStepsAcrossBand8() {
        assertThat(AfcBand.fromCode("8A")).isEqualTo(AfcBand.BAND_8A);
        assertThat(AfcBand.BAND_9.rank() - AfcBand.BAND_7.rank()).isEqualTo(5);
        assertThat(AfcBand.BAND_5.rank() - AfcBand.BAND_3.rank()).isEqualTo(2);
        assertThatThrownBy(() -> AfcBand.fromCode("1")).hasMessageContaining("Unknown Agenda for Change band");
    }
}
