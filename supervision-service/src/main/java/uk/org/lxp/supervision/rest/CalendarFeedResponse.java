package uk.org.lxp.supervision.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.supervision.CalendarFeed;

@Schema(name = "CalendarFeed", description = "A calendar feed. Its address, which holds the token, is given once, when"
        + " the feed is made: keep it like a password, and revoke the feed if it is shared by mistake")
public record CalendarFeedResponse(
        UUID id,
        CalendarFeed.Owner owner,
        @Schema(example = "RGD") String organisationCode,
        @Schema(example = "E-100231") String staffReference,
        Instant createdAt,
        @Schema(nullable = true) Instant revokedAt,
        @Schema(description = "The feed's address for a calendar client; only in the answer that made the feed",
                nullable = true, example = "https://api.lxp.example.org/api/v1/calendars/feed.ics?token=Zk9x...")
        String url) {

    static CalendarFeedResponse of(CalendarFeed feed, String url) {
        return new CalendarFeedResponse(feed.id(), feed.owner(), feed.organisationCode(), feed.staffReference(),
                feed.createdAt(), feed.revokedAt(), url);
    }
}
