package uk.org.lxp.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day in England, which is what ICB memberships, pay years and effective dates mean: between midnight and one
 * in the morning in summer, UTC is still on the day before.
 */
public final class Today {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private Today() {
    }

    public static LocalDate in(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ENGLAND);
    }
}
