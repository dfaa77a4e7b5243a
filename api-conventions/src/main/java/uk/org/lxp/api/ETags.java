package uk.org.lxp.api;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version; an update must send it back in
 * If-Match, so no client overwrites a change it has not seen.
 */
public final class ETags {

    private static final int PRECONDITION_REQUIRED = 428;

    private ETags() {
    }

    private static String of(int version) {
        return "\"" + version + "\"";
    }

    /** 428 without If-Match, 412 when it names another version than the current one. */
    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw HttpProblem.builder().withStatus(PRECONDITION_REQUIRED).withTitle("Precondition Required")
                    .withDetail("Send the resource's current ETag in If-Match to change it").build();
        }
        String expected = of(currentVersion);
        boolean matches = false;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            matches |= tag.equals(expected) || tag.equals("*");
        }
        if (!matches) {
            throw HttpProblem.builder().withStatus(412).withTitle("Precondition Failed")
                    .withDetail("The resource has changed since you read it: its ETag is now " + expected).build();
        }
    }
}
