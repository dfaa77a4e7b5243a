package uk.org.lxp.api;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import uk.org.lxp.http.problems.PreconditionFailed;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version; a change must send it back in If-Match, so no
 * client overwrites a change it has not seen.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /** 200 with the resource and its ETag. */
    public static Response ok(Object entity, int version) {
        return Response.ok(entity).tag(Integer.toString(version)).build();
    }

    /** 201 with the new resource, where it is, and its ETag. */
    public static Response created(URI location, Object entity, int version) {
        return Response.created(location).entity(entity).tag(Integer.toString(version)).build();
    }

    /** 428 without If-Match, 412 when it names another version than the current one ({@code *} matches any). */
    public static void requireMatch(String ifMatch, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailed.missing("Send the resource's current ETag in If-Match to change it");
        }
        String expected = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected) || tag.equals("*")) {
                return;
            }
        }
        throw PreconditionFailed.stale("The resource has changed since you read it: its ETag is now " + expected);
    }
}
