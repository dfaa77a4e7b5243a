package uk.org.lxp.payequity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An NHS pay year, April to March, written 2025/26 (or 2025-26 where a slash cannot go, as in a URL). */
public record PayYear(int startYear) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[/-](\\d{2})");

    public PayYear {
        if (startYear < 2000 || startYear > 2099) {
            throw new IllegalArgumentException("Pay year must start between 2000 and 2099");
        }
    }

    public static PayYear parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("Pay year '" + text + "' is not of the form 2025/26");
        }
        int start = Integer.parseInt(matcher.group(1));
        if ((start + 1) % 100 != Integer.parseInt(matcher.group(2))) {
            throw new IllegalArgumentException("Pay year '" + text + "' does not span two consecutive years");
        }
        return new PayYear(start);
    }

    /** The pay year a day falls in: from 1 April to 31 March. */
    public static PayYear containing(java.time.LocalDate day) {
        return new PayYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
