package uk.org.lxp.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A post as roles-service last published it: who holds it (opaque staff reference), in which role, since when. */
@Entity
public class Post {

    /** The fields of roles-service's post event that this service keeps. */
    public record State(UUID id, String organisationCode, UUID roleProfileId, BigDecimal fte, String status,
            String holderStaffReference, LocalDate holderSince, int version) {
    }

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "role_profile_id", nullable = false)
    private UUID roleProfileId;

    @Column(nullable = false, precision = 4, scale = 2)
    private BigDecimal fte;

    @Column(nullable = false)
    private String status;

    @Column(name = "holder_staff_reference")
    private String holderStaffReference;

    @Column(name = "filled_since")
    private LocalDate filledSince;

    @Column(name = "source_version", nullable = false)
    private int sourceVersion;

    protected Post() {
    }

    public Post(UUID id) {
        this.id = id;
        this.sourceVersion = -1;
    }

    /**
     * Takes a newer version; an older or repeated one changes nothing. The post was filled on the day HR says its
     * holder started, else on {@code day}, when the change that gave it its holder happened.
     */
    public boolean apply(State state, LocalDate day) {
        if (state.version() <= sourceVersion) {
            return false;
        }
        boolean newHolder = "FILLED".equals(state.status())
                && (!"FILLED".equals(status) || !Objects.equals(state.holderStaffReference(), holderStaffReference));
        if (state.holderSince() != null && "FILLED".equals(state.status())) {
            filledSince = state.holderSince();
        } else if (newHolder) {
            filledSince = day;
        } else if (!"FILLED".equals(state.status())) {
            filledSince = null;
        }
        organisationCode = state.organisationCode();
        roleProfileId = state.roleProfileId();
        fte = state.fte();
        status = state.status();
        holderStaffReference = "FILLED".equals(state.status()) ? state.holderStaffReference() : null;
        sourceVersion = state.version();
        return true;
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public UUID roleProfileId() {
        return roleProfileId;
    }

    public String status() {
        return status;
    }

    public String holderStaffReference() {
        return holderStaffReference;
    }

    public LocalDate filledSince() {
        return filledSince;
    }
}
