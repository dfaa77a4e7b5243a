package uk.org.lxp.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one wrk run reports: throughput, its latency distribution, and the requests that did not succeed. */
record WrkResult(double requestsPerSecond, double p50Millis, double p90Millis, double p99Millis, long requests,
        long failures) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Reads wrk's output as printed with {@code --latency}. */
    static WrkResult parse(String output) {
        long failures = 0;
        Matcher notOk = NOT_OK.matcher(output);
        if (notOk.find()) {
            failures += Long.parseLong(notOk.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                failures += Long.parseLong(socket.group(group));
            }
        }
        return new WrkResult(Double.parseDouble(find(RATE, output)), percentile(output, "50"), percentile(output, "90"),
                percentile(output, "99"), Long.parseLong(find(REQUESTS, output)), failures);
    }

    private static double percentile(String output, String percent) {
        Matcher matcher = Pattern.compile("\\s" + percent + "%\\s+([0-9.]+)(us|ms|s)\\b").matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("wrk printed no " + percent + "th percentile (was --latency given?):\n" + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalArgumentException("wrk's output has no " + pattern.pattern() + ":\n" + output);
        }
        return matcher.group(1);
    }
}
