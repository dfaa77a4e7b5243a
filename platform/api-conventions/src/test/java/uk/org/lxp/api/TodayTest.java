package uk.org.lxp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TodayTest {

    @Test
    void inSummerTheDayInEnglandBeginsAnHourBeforeUtcs() {
        Clock halfPastMidnightBst = Clock.fixed(Instant.parse("2026-07-01T23:30:00Z"), ZoneOffset.UTC);
        assertThat(Today.in(halfPastMidnightBst)).isEqualTo(LocalDate.of(2026, 7, 2));
        Clock winterNight = Clock.fixed(Instant.parse("2026-12-01T23:30:00Z"), ZoneOffset.UTC);
        assertThat(Today.in(winterNight)).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
