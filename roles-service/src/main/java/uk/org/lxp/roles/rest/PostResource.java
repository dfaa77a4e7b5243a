package uk.org.lxp.roles.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.lxp.api.ETags;
import uk.org.lxp.api.IdempotentRequests;
import uk.org.lxp.api.Roles;
import uk.org.lxp.api.bulk.BulkItems;
import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.paging.OneSnapshot;
import uk.org.lxp.api.paging.Page;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.scope.CallerScope;
import uk.org.lxp.api.scope.DataClass;
import uk.org.lxp.api.scope.Reach;
import uk.org.lxp.api.scope.Visibility;
import uk.org.lxp.roles.Post;
import uk.org.lxp.roles.repository.PostRepository;
import uk.org.lxp.roles.service.PostService;

@Path("/api/v1/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "The establishment: funded LXP positions in each organisation")
@SecurityRequirement(name = "keycloak")
public class PostResource {

    private final PostService service;
    private final PostRepository posts;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;

    PostResource(PostService service, PostRepository posts, IdempotentRequests idempotency, CallerScope scope) {
        this.service = service;
        this.posts = posts;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Create or update many posts of one organisation by post reference, all or nothing",
            description = "Send an Idempotency-Key: a retry with the same key and body returns the first response and changes nothing.")
    @APIResponse(responseCode = "200", description = "How many posts were created, changed and left unchanged, and each post's id",
            content = @Content(schema = @Schema(implementation = PostService.Result.class)))
    @APIResponse(responseCode = "400", description = "Invalid posts (field paths name the item) or a missing Idempotency-Key")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being used by a request in progress")
    @APIResponse(responseCode = "422", description = "An unknown organisation or role profile, a rule broken, or the Idempotency-Key used before for a different request")
    public Response bulkUpsert(
            @Parameter(description = "A key unique to this request, reused only to retry it", required = true)
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid PostBulkRequest request) {
        scope.requireWrite(DataClass.PERSON_LEVEL, request.organisationCode());
        return idempotency.once(idempotencyKey, "/api/v1/posts/bulk", request,
                () -> service.upsert(request.organisationCode(), items(request)));
    }

    @GET
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.ICS_ANALYST})
    @Operation(summary = "List the posts the caller reaches, by organisation and post reference",
            description = "HR clients and leads see their own organisations' posts; ICS analysts those of their ICB,"
                    + " without staff references.")
    @APIResponse(responseCode = "200", description = "One page of posts")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @OneSnapshot
    public Page<PostResponse> list(
            @Parameter(description = "ODS code of one organisation") @QueryParam("organisation") @OdsCode String organisation,
            @Parameter(description = "Posts of organisations in this ICB today") @QueryParam("icb") @OdsCode String icb,
            @QueryParam("status") Post.Status status,
            @QueryParam("roleProfile") UUID roleProfile,
            @Valid @BeanParam Paging paging) {
        if (organisation != null || icb != null) {
            scope.requireRead(DataClass.PERSON_LEVEL, Reach.of(organisation, icb));
        }
        Visibility visible = scope.readable(DataClass.PERSON_LEVEL);
        var filter = new PostRepository.Filter(organisation, icb, scope.today(), status, roleProfile,
                visible.organisations().orElse(null));
        List<PostResponse> items = posts.list(filter, paging).stream()
                .map(post -> PostResponse.of(post, visible.staffReferencesIn(post.organisationOdsCode())))
                .toList();
        return Page.of(items, paging, posts.count(filter));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION, Roles.LXP_LEAD, Roles.ICS_ANALYST})
    @Operation(summary = "Read one post")
    @APIResponse(responseCode = "200", description = "The post; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "404", description = "No such post")
    public Response get(@PathParam("id") UUID id) {
        Post post = service.load(id);
        boolean staffReferences = scope.requireRead(DataClass.PERSON_LEVEL, post.organisationOdsCode()).staffReferences();
        return ETags.ok(PostResponse.of(post, staffReferences), post.version());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.LXP_ADMIN, Roles.HR_INTEGRATION})
    @Operation(summary = "Change one post; its post reference cannot change")
    @APIResponse(responseCode = "200", description = "The post, changed if anything differed; the ETag header holds its version",
            content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid post")
    @APIResponse(responseCode = "404", description = "No such post")
    @APIResponse(responseCode = "412", description = "The post changed since the If-Match version")
    @APIResponse(responseCode = "422", description = "A changed post reference, or an unknown or retired role profile")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PostBulkRequest.PostItem item) {
        Post post = service.update(id, ifMatch, item.postReference(), BulkItems.readOne(item, PostResource::details),
                existing -> scope.requireWrite(DataClass.PERSON_LEVEL, existing.organisationOdsCode()));
        return ETags.ok(PostResponse.of(post, true), post.version());
    }

    /** A post's own rules (FTE, holder only when filled, end date of fixed-term funding) concern the request alone. */
    private static List<PostService.Item> items(PostBulkRequest request) {
        return BulkItems.read(request.posts(), "posts",
                (index, item) -> new PostService.Item(index, item.postReference(), details(item)));
    }

    private static Post.Details details(PostBulkRequest.PostItem item) {
        Post.Funding funding = new Post.Funding(item.funding().kind(), item.funding().endDate(), item.funding().stream(),
                item.funding().programmeId());
        return new Post.Details(item.roleProfileId(), item.fte(), item.team(), item.status(), funding,
                item.holderStaffReference(), item.holderSince(), item.vacantSince());
    }
}
