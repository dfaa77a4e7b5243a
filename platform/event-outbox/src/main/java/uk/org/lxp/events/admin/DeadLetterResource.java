package uk.org.lxp.events.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.events.consumer.DeadLetters;
import uk.org.lxp.http.problems.NotFound;

/**
 * The operator's view of this service's dead letters: what its consumers parked and why, and a replay once the
 * cause is fixed. Under the service's own name, so that the gateway routes each service's to it.
 */
@Path("/api/v1/services/{service}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dead letters of each service's event consumers")
@SecurityRequirement(name = "keycloak")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final CallerScope scope;
    private final String applicationName;

    DeadLetterResource(DeadLetters deadLetters, CallerScope scope,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.deadLetters = deadLetters;
        this.scope = scope;
        this.applicationName = applicationName;
    }

    @Schema(name = "DeadLetterReplayRequest", description = "Which parked records to replay: these ids, or all of one consumer")
    public record ReplayRequest(
            @Schema(description = "Ids from the list, e.g. lxp.roles.post.v1.dlq:0:17")
            @Size(max = 1000) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]+:\\d+:\\d+", message = "must be an id from the list") String> ids,
            @Schema(description = "Replay every record of this consumer that no replay has dealt with",
                    example = "pay-equity-service.roles-posts")
            @Size(max = 200) String consumer) {

        @AssertTrue(message = "give ids or consumer, not both or neither")
        @Schema(hidden = true)
        public boolean isOneSelection() {
            return (ids == null || ids.isEmpty()) != (consumer == null);
        }
    }

    @GET
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "List what this service's consumers parked, oldest first, with the last replay of each")
    @APIResponse(responseCode = "200", description = "One page of dead letters; their data is not shown, only what identifies them")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No service of that name here")
    public Page<DeadLetters.DeadLetter> list(@PathParam("service") String service,
            @Parameter(description = "Only those no replay has dealt with yet") @QueryParam("outstanding") Boolean outstanding,
            @Valid @BeanParam Paging paging) {
        requireThisService(service);
        List<DeadLetters.DeadLetter> all = deadLetters.list().stream()
                .filter(letter -> !Boolean.TRUE.equals(outstanding) || !letter.dealtWith()).toList();
        int from = Math.min(paging.offset(), all.size());
        return Page.of(all.subList(from, Math.min(from + paging.size(), all.size())), paging, all.size());
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.LXP_ADMIN)
    @Operation(summary = "Replay parked records through their consumer once the cause is fixed",
            description = "Each goes through the consumer's own handler and processed-event check: a record whose effect"
                    + " was committed before is reported ALREADY_APPLIED and changes nothing.")
    @APIResponse(responseCode = "200", description = "What each replay came to")
    @APIResponse(responseCode = "400", description = "Neither or both of ids and consumer")
    @APIResponse(responseCode = "404", description = "No service of that name here")
    public List<DeadLetters.Replayed> replay(@PathParam("service") String service, @NotNull @Valid ReplayRequest request) {
        requireThisService(service);
        return request.consumer() != null ? deadLetters.replayAll(request.consumer(), scope.actor())
                : deadLetters.replay(request.ids(), scope.actor());
    }

    private void requireThisService(String service) {
        if (!applicationName.equals(service)) {
            throw new NotFound("This is " + applicationName + ", not " + service);
        }
    }
}
