package uk.org.lxp.payequity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Agenda for Change bands in pay order. Band 1 is closed to new starters and paid at Band 2, so it is not
 * offered. {@link #rank()} counts bands apart: 8a to 8d are four steps between 7 and 9.
 */
public enum AfcBand {
    BAND_2("2"),
    BAND_3("3"),
    BAND_4("4"),
    BAND_5("5"),
    BAND_6("6"),
    BAND_7("7"),
    BAND_8A("8a"),
    BAND_8B("8b"),
    BAND_8C("8c"),
    BAND_8D("8d"),
    BAND_9("9");

    private final String code;

    AfcBand(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public int rank() {
        return ordinal();
    }

    /** The band of a name such as BAND_4; empty for NON_AFC or any name that is not a band. */
    public static Optional<AfcBand> named(String name) {
        return Arrays.stream(values()).filter(band -> band.name().equals(name)).findFirst();
    }

    public static AfcBand fromCode(String code) {
        return Arrays.stream(values())
                .filter(band -> band.code.equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown Agenda for Change band '" + code + "': use 2 to 7, 8a to 8d or 9"));
    }
}
