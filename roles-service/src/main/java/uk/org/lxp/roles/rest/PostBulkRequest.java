package uk.org.lxp.roles.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import uk.org.lxp.api.constraints.OdsCode;
import uk.org.lxp.api.constraints.StaffReference;

import uk.org.lxp.roles.Post;

@Schema(name = "PostBulkRequest", description = "An organisation's posts as its HR system holds them, up to 10,000 per call")
public record PostBulkRequest(
        @Schema(example = "RGD") @NotNull @OdsCode
        String organisationCode,
        @NotEmpty @Size(max = 10_000) @Valid
        List<@NotNull PostItem> posts) {

    @Schema(name = "PostItem")
    public record PostItem(
            @Schema(description = "The HR system's own post reference", example = "RGD-PSW-0042")
            @NotNull @Pattern(regexp = "[A-Za-z0-9._/-]{1,64}", message = "must be 1 to 64 letters, digits or ._/-")
            String postReference,
            @NotNull
            UUID roleProfileId,
            @Schema(example = "1.00") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 2)
            BigDecimal fte,
            @Schema(example = "Community Mental Health Team North") @Size(max = 200)
            String team,
            @Schema(example = "FILLED") @NotNull
            Post.Status status,
            @NotNull @Valid
            FundingItem funding,
            @Schema(description = "The holder's opaque staff reference when FILLED; never a name", example = "E-104233")
            @StaffReference
            String holderStaffReference,
            @Schema(description = "The day the holder started in the post, for a filled post", nullable = true,
                    example = "2026-09-01")
            LocalDate holderSince,
            @Schema(description = "The day the post became vacant, for a vacant post (how long it has stood empty is"
                    + " counted from it)", nullable = true, example = "2026-05-31")
            LocalDate vacantSince) {
    }

    @Schema(name = "PostFunding")
    public record FundingItem(
            @Schema(example = "FIXED_TERM") @NotNull Post.FundingKind kind,
            @Schema(description = "Required for fixed-term funding", example = "2027-03-31") LocalDate endDate,
            @Schema(description = "A named funding stream, if any", example = "NHS England Long Term Plan transformation") @Size(max = 200)
            String stream,
            @Schema(description = "The national funding programme that pays for the post (/api/v1/funding-programmes),"
                    + " if one does", nullable = true) UUID programmeId) {
    }
}
