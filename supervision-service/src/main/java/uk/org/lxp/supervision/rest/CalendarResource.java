package uk.org.lxp.supervision.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.supervision.service.CalendarFeedService;

/**
 * The feeds themselves. Calendar clients cannot sign in, so the token in the query is the only key: the one public
 * operation of the suite. The token is in the query, not the path, because access logs record paths only.
 */
@Path("/api/v1/calendars")
@Tag(name = "Calendar feeds")
public class CalendarResource {

    static final String FEED_PATH = "/api/v1/calendars/feed.ics";

    private final CalendarFeedService service;

    CalendarResource(CalendarFeedService service) {
        this.service = service;
    }

    @GET
    @Path("/feed.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "A calendar feed (RFC 5545), for calendar clients: the token is the only key",
            description = "Sessions from eight weeks back and everything ahead, with times and the kind of supervision"
                    + " only. A moved session keeps its UID with a higher SEQUENCE.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type =
                    SchemaType.STRING,
                    example = "BEGIN:VCALENDAR\r\nPRODID:-//LXP Workforce Suite//supervision-service//EN\r\n...")))
    @APIResponse(responseCode = "404", description = "No feed has this token, or it was revoked")
    public String calendar(
            @Parameter(description = "The feed's token, from the address given when it was made", required = true)
            @QueryParam("token") String token) {
        return service.calendarFor(token).toString();
    }
}
