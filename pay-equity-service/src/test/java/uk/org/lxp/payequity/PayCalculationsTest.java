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
    void highCostAreaSupplementKeepsToItsMinimumAndMaximum() {
        BigDecimal percent = new BigDecimal("20");
        BigDecimal minimum = new BigDecimal("5609");
        BigDecimal maximum = new BigDecimal("8466");
        // Inner London 2025/26: 20% of Band 3 entry (24,937) is 4,987.40, below the 5,609 minimum.
        assertThat(PayCalculations.highCostAreaSupplement(new BigDecimal("24937"), percent, minimum, maximum))
                .isEqualByComparingTo("5609.00");
        // 20% of Band 5 entry (31,049) is 6,209.80, inside the bounds.
        assertThat(PayCalculations.highCostAreaSupplement(new BigDecimal("31049"), percent, minimum, maximum))
                .isEqualByComparingTo("6209.80");
        // 20% of Band 8a entry (55,690) is 11,138, above the 8,466 maximum.
        assertThat(PayCalculations.highCostAreaSupplement(new BigDecimal("55690"), percent, minimum, maximum))
                .isEqualByComparingTo("8466.00");
    }

    @Test
    void sessionalAndHourlyRatesTurnIntoFullTimeYearsAndBack() {
        // 300 GBP a day, the sessional trainer rate reported in one region, is 78,214.50 a full-time year.
        assertThat(PayCalculations.annualFromDayRate(new BigDecimal("300"))).isEqualByComparingTo("78214.50");
        assertThat(PayCalculations.dayRate(new BigDecimal("24937"))).isEqualByComparingTo("95.65");
        assertThat(PayCalculations.annualFromHourly(new BigDecimal("12.75"))).isEqualByComparingTo("24930.87");
        assertThat(PayCalculations.forFte(new BigDecimal("24937"), new BigDecimal("0.6"))).isEqualByComparingTo("14962.20");
        assertThat(PayCalculations.unpaid()).isEqualByComparingTo("0");
    }

    @Test
    void payYearsAreWrittenOneWayAndNonsenseIsRefused() {
        assertThat(PayYear.parse("2025-26")).isEqualTo(new PayYear(2025));
        assertThat(PayYear.parse("2025-26").toString()).isEqualTo("2025-26");
        assertThat(PayYear.parse("2099-00").toString()).isEqualTo("2099-00");
        assertThat(PayYear.containing(java.time.LocalDate.of(2026, 3, 31))).isEqualTo(new PayYear(2025));
        assertThat(PayYear.containing(java.time.LocalDate.of(2026, 4, 1))).isEqualTo(new PayYear(2026));
        assertThatThrownBy(() -> PayYear.parse("2025-27")).hasMessageContaining("consecutive");
        assertThatThrownBy(() -> PayYear.parse("2025/26")).hasMessageContaining("2025-26");
        assertThatThrownBy(() -> PayYear.parse("25-26")).hasMessageContaining("2025-26");
    }

    @Test
    void bandsRankInPayOrderWithFourStepsAcrossBand8() {
        assertThat(AfcBand.fromCode("8A")).isEqualTo(AfcBand.BAND_8A);
        assertThat(AfcBand.BAND_9.rank() - AfcBand.BAND_7.rank()).isEqualTo(5);
        assertThat(AfcBand.BAND_5.rank() - AfcBand.BAND_3.rank()).isEqualTo(2);
        assertThatThrownBy(() -> AfcBand.fromCode("1")).hasMessageContaining("Unknown Agenda for Change band");
    }
}
