package uk.org.lxp.payequity;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An NHS pay year, April to March, written 2025-26 everywhere in the suite: in paths, bodies and events alike. */
public record PayYear(int startYear) {

    public static final String FORM = "\\d{4}-\\d{2}";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

    public PayYear {
        if (startYear < 2000 || startYear > 2099) {
            throw new IllegalArgumentException("Pay year must start between 2000 and 2099");
        }
    }

    public static PayYear parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("must be a pay year written like 2025-26");
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw new IllegalArgumentException("must span two consecutive years, like 2025-26");
        }
        return new PayYear(start);
    }

    /** The pay year a day falls in: from 1 April to 31 March. */
    public static PayYear containing(LocalDate day) {
        return new PayYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
