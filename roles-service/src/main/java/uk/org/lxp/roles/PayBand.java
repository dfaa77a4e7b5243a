package uk.org.lxp.roles;

import java.util.Arrays;

/** Agenda for Change bands in pay order (Band 1 is closed), or a role paid outside Agenda for Change. */
public enum PayBand {
    BAND_2("2"), BAND_3("3"), BAND_4("4"), BAND_5("5"), BAND_6("6"), BAND_7("7"),
    BAND_8A("8a"), BAND_8B("8b"), BAND_8C("8c"), BAND_8D("8d"), BAND_9("9"),
    NON_AFC("non-AfC");

    private final String code;

    PayBand(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isAgendaForChange() {
        return this != NON_AFC;
    }

    /** Band 7 and above: the senior posts the field lacks. */
    public boolean isSenior() {
        return isAgendaForChange() && ordinal() >= BAND_7.ordinal();
    }

    public static PayBand fromCode(String code) {
        return Arrays.stream(values()).filter(band -> band.code.equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown band '" + code + "': use 2 to 7, 8a to 8d, 9 or non-AfC"));
    }
}
