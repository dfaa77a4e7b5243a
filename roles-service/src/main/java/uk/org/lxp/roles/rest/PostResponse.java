package uk.org.lxp.roles.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.roles.Post;

/** A post as the API shows it; the event contract ({@code PostEvents.PostState}) is separate. */
@Schema(name = "Post")
public record PostResponse(
        UUID id,
        @Schema(example = "RGD") String organisationCode,
        @Schema(description = "The HR system's own post reference", example = "RGD-PSW-0042") String postReference,
        UUID roleProfileId,
        @Schema(example = "1.00") BigDecimal fte,
        @Schema(example = "Community Mental Health Team North") String team,
        Post.Status status,
        Funding funding,
        @Schema(description = "The holder's opaque staff reference when FILLED; left out for callers who see posts as"
                + " establishment only (ICS analysts)", example = "E-104233") String holderStaffReference,
        @Schema(description = "The day the holder started in the post, when HR sent it; left out with the staff"
                + " reference", nullable = true,
                example = "2026-09-01") LocalDate holderSince,
        @Schema(description = "The day a vacant post became vacant, when HR sent it", nullable = true,
                example = "2026-05-31") LocalDate vacantSince,
        @Schema(description = "Also the ETag; send it in If-Match to change the post") int version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "PostFundingState")
    public record Funding(Post.FundingKind kind, @Schema(example = "2027-03-31", nullable = true) LocalDate endDate,
            @Schema(example = "NHS England Long Term Plan transformation", nullable = true) String stream,
            @Schema(description = "The funding programme that pays for it", nullable = true) UUID programmeId) {
    }

    /** With the holder's staff reference only where the caller may see it. */
    static PostResponse of(Post post, boolean staffReferences) {
        Post.Details d = post.details();
        return new PostResponse(post.id(), post.organisationOdsCode(), post.postReference(), d.roleProfileId(), d.fte(),
                d.team(), d.status(), new Funding(d.funding().kind(), d.funding().endDate(), d.funding().stream(),
                        d.funding().programmeId()),
                staffReferences ? d.holderStaffReference() : null, staffReferences ? d.holderSince() : null, d.vacantSince(), post.version(), post.createdAt(), post.updatedAt());
    }
}
