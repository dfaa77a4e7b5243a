package uk.org.lxp.payequity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A post as roles-service last published it. Its holder is not kept: pay equity looks at posts, not people. */
@Entity
public class Post {

    /** The fields of roles-service's post event that this service keeps. */
    public record State(UUID id, String organisationCode, String postReference, UUID roleProfileId, BigDecimal fte,
            String status, Funding funding, LocalDate vacantSince, int version) {

        public record Funding(String kind, LocalDate endDate, UUID programmeId) {
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

    @Column(nullable = false)
    private String status;

    @Column(name = "funding_kind", nullable = false)
    private String fundingKind;

    @Column(name = "funding_end_date")
    private LocalDate fundingEndDate;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "funding_programme_id")
    private UUID fundingProgrammeId;

    @Column(name = "vacant_since")
    private LocalDate vacantSince;

    @Column(name = "source_version", nullable = false)
    private int sourceVersion;

    protected Post() {
    }

    public Post(UUID id) {
        this.id = id;
        this.sourceVersion = -1;
    }

    /** Takes a newer version; an older or repeated one changes nothing. {@code day} is when the change happened. */
    public boolean apply(State state, LocalDate day) {
        if (state.version() <= sourceVersion) {
            return false;
        }
        if (!"VACANT".equals(state.status())) {
            vacantSince = null;
        } else if (state.vacantSince() != null) {
            vacantSince = state.vacantSince();
        } else if (!"VACANT".equals(status)) {
            vacantSince = day;
        }
        if ("CLOSED".equals(state.status()) && !"CLOSED".equals(status)) {
            closedOn = day;
        } else if (!"CLOSED".equals(state.status())) {
            closedOn = null;
        }
        organisationOdsCode = state.organisationCode();
        postReference = state.postReference();
        roleProfileId = state.roleProfileId();
        fte = state.fte();
        status = state.status();
        fundingKind = state.funding().kind();
        fundingEndDate = state.funding().endDate();
        fundingProgrammeId = state.funding().programmeId();
        sourceVersion = state.version();
        return true;
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

    public UUID roleProfileId() {
        return roleProfileId;
    }

    public BigDecimal fte() {
        return fte;
    }

    public String status() {
        return status;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    /** The national funding programme that pays for the post; null when none does. */
    public UUID fundingProgrammeId() {
        return fundingProgrammeId;
    }

    /** The day the post became vacant: HR's day when it sent one, else the day this service heard; null unless vacant. */
    public LocalDate vacantSince() {
        return vacantSince;
    }

    public boolean isFixedTerm() {
        return "FIXED_TERM".equals(fundingKind);
    }

    public int sourceVersion() {
        return sourceVersion;
    }
}
