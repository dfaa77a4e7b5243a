package uk.org.lxp.roles.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.Roles;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.roles.ReadinessTopic;
import uk.org.lxp.roles.service.RoleDevelopmentService;

@Path("/api/v1/readiness-topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role development")
@SecurityRequirement(name = "keycloak")
public class ReadinessTopicResource {

    private final RoleDevelopmentService service;
    private final CallerScope scope;

    ReadinessTopicResource(RoleDevelopmentService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @Schema(name = "ReadinessTopic")
    public record TopicResponse(
            @Schema(description = "The organisation that added the topic; null for the national topics", nullable = true,
                    example = "RGD") String ownerOdsCode,
            @Schema(example = "COMMUNITIES") String code,
            @Schema(example = "Communities served") String topic,
            @Schema(example = "Which people and communities the role represents or supports or connects to") String covers) {

        static TopicResponse of(ReadinessTopic topic) {
            return new TopicResponse(topic.ownerOdsCode(), topic.code(), topic.topic(), topic.covers());
        }
    }

    @Schema(name = "ReadinessTopicRequest")
    public record TopicRequest(
            @Schema(example = "RGD") @NotNull @OdsCode String ownerOdsCode,
            @Schema(example = "WELSH_LANGUAGE") @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}",
                    message = "must be 2 to 40 capital letters, digits and underscores") String code,
            @Schema(example = "Welsh language services") @NotBlank @Size(max = 120) String topic,
            @Schema(example = "How the role serves people who prefer to use services in Welsh") @NotBlank @Size(max = 500)
            String covers) {
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.ICS_ANALYST, Roles.LXP_LEAD, Roles.SUPERVISOR, Roles.PRACTITIONER})
    @Operation(summary = "The readiness topics a profile is asked: the national ones, then an organisation's own")
    @APIResponse(responseCode = "200", description = "The topics, national first in the order of the shipped list")
    @APIResponse(responseCode = "400", description = "A malformed ODS code")
    @APIResponse(responseCode = "422", description = "An unknown organisation")
    public List<TopicResponse> list(
            @Parameter(description = "Add this organisation's own topics to the national ones") @QueryParam("organisation")
            @OdsCode String organisation) {
        scope.requireKnownOrganisation(organisation, "organisation");
        return service.topicsFor(organisation).stream().map(TopicResponse::of).toList();
    }

    @POST
    @RolesAllowed({Roles.LXP_ADMIN, Roles.LXP_LEAD})
    @Operation(summary = "Add a topic the organisation asks of its own profiles, after the national ones")
    @APIResponse(responseCode = "201", description = "Added; a draft of the organisation now lacks an answer to it",
            content = @Content(schema = @Schema(implementation = TopicResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid topic")
    @APIResponse(responseCode = "409", description = "The code is already a national topic or one of the organisation's")
    @APIResponse(responseCode = "422", description = "The organisation is not registered")
    public Response add(@NotNull @Valid TopicRequest request) {
        scope.requireWrite(DataClass.CATALOGUE, request.ownerOdsCode());
        ReadinessTopic added = service.addTopic(request.ownerOdsCode(), request.code(), request.topic(), request.covers());
        return Response.created(URI.create("/api/v1/readiness-topics?organisation=" + added.ownerOdsCode()))
                .entity(TopicResponse.of(added)).build();
    }
}
