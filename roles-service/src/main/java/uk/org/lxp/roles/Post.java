package uk.org.lxp.roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A funded position of a role profile in an organisation, keyed by the HR system's own post reference. The
 * holder appears only as the HR system's opaque staff reference.
 */
@Entity
public class Post {

    @Schema(name = "PostStatus")
    public enum Status { VACANT, FILLED, FROZEN, CLOSED }

    @Schema(name = "PostFundingKind")
    public enum FundingKind { RECURRENT, FIXED_TERM }

    /**
     * How the post is paid for: recurrent, or fixed-term to an end date; either may name its funding stream, and the
     * national funding programme that pays for it.
     */
    public record Funding(FundingKind kind, LocalDate endDate, String stream, UUID programmeId) {

        public Funding {
            if (kind == null) {
                throw new IllegalArgumentException("Funding needs its kind");
            }
            if (kind == FundingKind.FIXED_TERM && endDate == null) {
                throw new IllegalArgumentException("Fixed-term funding needs its end date");
            }
            if (kind == FundingKind.RECURRENT && endDate != null) {
                throw new IllegalArgumentException("Recurrent funding has no end date");
            }
        }
    }

    /** Everything about a post that the HR system maintains. */
    public record Details(UUID roleProfileId, BigDecimal fte, String team, Status status, Funding funding,
            String holderStaffReference, LocalDate holderSince, LocalDate vacantSince) {

        public Details {
            if (fte == null || fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("FTE must be above 0 and at most 1");
            }
            if (status == null) {
                throw new IllegalArgumentException("A post needs its status");
            }
            if ((status == Status.FILLED) != (holderStaffReference != null)) {
                throw new IllegalArgumentException("A filled post names its holder's staff reference; any other post names none");
            }
            if (holderSince != null && status != Status.FILLED) {
                throw new IllegalArgumentException("Only a filled post has a day its holder started");
            }
            if (vacantSince != null && status != Status.VACANT) {
                throw new IllegalArgumentException("Only a vacant post has a day it became vacant");
            }
            if (fte.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("FTE has at most two decimal places");
            }
            fte = fte.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }

    @Id
    private UUID id;

    @Column(name = "organisation_ods_code", nullable = false)
    private String organisationOdsCode;

    @Column(name = "post_reference", nullable = false)
    private String postReference;

    @Column(name = "role_profile_id", nullable = false)
    private UUID roleProfileId;

    @Column(nullable = false, precision = 4, scale = 2)
    private BigDecimal fte;

    private String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_kind", nullable = false)
    private FundingKind fundingKind;

    @Column(name = "funding_end_date")
    private LocalDate fundingEndDate;

    @Column(name = "funding_stream")
    private String fundingStream;

    @Column(name = "funding_programme_id")
    private UUID fundingProgrammeId;

    @Column(name = "holder_staff_reference")
    private String holderStaffReference;

    @Column(name = "holder_since")
    private LocalDate holderSince;

    @Column(name = "vacant_since")
    private LocalDate vacantSince;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Post() {
    }

    public Post(String organisationOdsCode, String postReference, Details details, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationOdsCode = organisationOdsCode;
        this.postReference = postReference;
        this.createdAt = now;
        apply(details, now);
    }

    /** Takes the HR system's view of the post; says whether anything changed. */
    public boolean update(Details details, Instant now) {
        if (details.equals(details())) {
            return false;
        }
        apply(details, now);
        return true;
    }

    private void apply(Details details, Instant now) {
        this.roleProfileId = details.roleProfileId();
        this.fte = details.fte();
        this.team = details.team();
        this.status = details.status();
        this.fundingKind = details.funding().kind();
        this.fundingEndDate = details.funding().endDate();
        this.fundingStream = details.funding().stream();
        this.fundingProgrammeId = details.funding().programmeId();
        this.holderStaffReference = details.holderStaffReference();
        this.holderSince = details.holderSince();
        this.vacantSince = details.vacantSince();
        this.updatedAt = now;
    }

    public Details details() {
        return new Details(roleProfileId, fte, team, status, new Funding(fundingKind, fundingEndDate, fundingStream, fundingProgrammeId),
                holderStaffReference, holderSince, vacantSince);
    }

    public UUID id() {
        return id;
    }

    public String organisationOdsCode() {
        return organisationOdsCode;
    }

    public String postReference() {
        return postReference;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
