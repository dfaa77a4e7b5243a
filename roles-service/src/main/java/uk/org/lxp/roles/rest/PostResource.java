package uk.org.lxp.roles.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.CallerScope;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.PageOf;
import uk.org.lxp.api.QueryParameters;
import uk.org.lxp.roles.Post;
import uk.org.lxp.roles.events.PostEvents.PostState;
import uk.org.lxp.roles.repository.OrganisationRepository;
import uk.org.lxp.roles.repository.PostRepository;
import uk.org.lxp.roles.service.DomainRuleException;
import uk.org.lxp.roles.service.PostService;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "The establishment: funded LXP positions in each organisation")
@SecurityRequirement(name = "keycloak")
public class PostResource {

    static final int MAX_PAGE_SIZE = 200;

    private final PostService service;
    private final PostRepository posts;
    private final OrganisationRepository organisations;
    private final IdempotentRequests idempotency;
    private final CallerScope caller;

    PostResource(PostService service, PostRepository posts, OrganisationRepository organisations,
            IdempotentRequests idempotency, CallerScope caller) {
        this.service = service;
        this.posts = posts;
        this.organisations = organisations;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Path("/bulk")
    @Transactional
    @RolesAllowed({"lxp-admin", "hr-integration"})
    @Operation(summary = "Create or update many posts of one organisation by post reference, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and changes nothing.")
    @APIResponse(responseCode = "200", description = "How many posts were created, changed and left unchanged, and each post's id")
    @APIResponse(responseCode = "400", description = "Invalid posts (field paths name the item), a missing Idempotency-Key, or a broken rule")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token may not act for that organisation")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request")
    public Response bulkUpsert(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid PostBulkRequest request) {
        caller.requireOrganisation(request.organisationCode());
        return idempotency.once(caller.actor(), idempotencyKey, "/api/v1/posts/bulk", request,
                () -> service.upsert(request.organisationCode(), items(request)));
    }

    @GET
    @RolesAllowed({"lxp-admin", "hr-integration", "lxp-lead", "ics-analyst"})
    @Operation(summary = "List posts, by organisation and post reference")
    @APIResponse(responseCode = "200", description = "One page of posts")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging, or no organisation given by an HR client")
    @APIResponse(responseCode = "403", description = "Outside the token's organisations or ICB")
    public PageOf<PostState> list(
            @Parameter(description = "ODS code of the organisation") @QueryParam("organisation")
            @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String organisation,
            @Parameter(description = "Posts of organisations in this ICB today") @QueryParam("icb")
            @Pattern(regexp = "[A-Z0-9]{3,10}", message = "must be an ODS code") String icb,
            @Parameter(description = "VACANT, FILLED, FROZEN or CLOSED") @QueryParam("status") String status,
            @QueryParam("roleProfile") UUID roleProfile,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String scopedIcb = icb;
        if (!caller.isAdmin() && !caller.hasRole(CallerScope.LXP_LEAD)) {
            if (caller.hasRole(CallerScope.HR_INTEGRATION)) {
                if (organisation == null) {
                    throw new BadRequestException("Name the organisation whose posts you want");
                }
                caller.requireOrganisation(organisation);
            } else {
                String own = caller.icb().orElseThrow(() -> new ForbiddenException("The token names no ICB"));
                if (icb != null && !icb.equals(own)) {
                    throw new ForbiddenException("This token reads posts within ICB " + own + " only");
                }
                scopedIcb = own;
            }
        }
        var filter = new PostRepository.Filter(organisation, scopedIcb,
                QueryParameters.enumValue(Post.Status.class, "status", status), roleProfile);
        List<PostState> items = posts.list(filter, page, size).stream().map(PostState::of).toList();
        return new PageOf<>(items, page, size, posts.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "hr-integration", "lxp-lead", "ics-analyst"})
    @Operation(summary = "Read one post")
    @APIResponse(responseCode = "200", description = "The post; the ETag header holds its version")
    @APIResponse(responseCode = "403", description = "Outside the token's organisations or ICB")
    @APIResponse(responseCode = "404", description = "No such post")
    public Response get(@PathParam("id") UUID id) {
        Post post = service.load(id);
        requireReadRights(post);
        return Response.ok(PostState.of(post)).tag(Integer.toString(post.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"lxp-admin", "hr-integration"})
    @Operation(summary = "Change one post; its post reference cannot change")
    @APIResponse(responseCode = "200", description = "The post, changed if anything differed; the ETag header holds its version")
    @APIResponse(responseCode = "400", description = "Invalid post or a broken rule")
    @APIResponse(responseCode = "403", description = "The token may not act for the post's organisation")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "412", description = "The post changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PostBulkRequest.PostItem item) {
        Post post = service.update(id, ifMatch, details(item, 0), existing -> {
            caller.requireOrganisation(existing.organisationOdsCode());
            if (!existing.postReference().equals(item.postReference())) {
                throw new DomainRuleException("A post's reference cannot change: it is " + existing.postReference());
            }
        });
        return Response.ok(PostState.of(post)).tag(Integer.toString(post.version())).build();
    }

    private void requireReadRights(Post post) {
        if (caller.isAdmin() || caller.hasRole(CallerScope.LXP_LEAD)) {
            return;
        }
        if (caller.hasRole(CallerScope.HR_INTEGRATION)) {
            caller.requireOrganisation(post.organisationOdsCode());
            return;
        }
        String own = caller.icb().orElseThrow(() -> new ForbiddenException("The token names no ICB"));
        boolean inIcb = organisations.findByOdsCode(post.organisationOdsCode())
                .flatMap(organisation -> organisation.icbOn(LocalDate.now()))
                .filter(own::equals)
                .isPresent();
        if (!inIcb) {
            throw new ForbiddenException("This token reads posts within ICB " + own + " only");
        }
    }

    private static List<PostService.Item> items(PostBulkRequest request) {
        List<PostService.Item> items = new ArrayList<>(request.posts().size());
        for (int i = 0; i < request.posts().size(); i++) {
            PostBulkRequest.PostItem item = request.posts().get(i);
            items.add(new PostService.Item(item.postReference(), details(item, i)));
        }
        return items;
    }

    private static Post.Details details(PostBulkRequest.PostItem item, int index) {
        try {
            Post.Funding funding = new Post.Funding(item.funding().kind(), item.funding().endDate(), item.funding().stream());
            return new Post.Details(item.roleProfileId(), item.fte(), item.team(), item.status(), funding,
                    item.holderStaffReference());
        } catch (IllegalArgumentException broken) {
            throw new DomainRuleException("posts[" + index + "] (" + item.postReference() + "): " + broken.getMessage());
        }
    }
}
