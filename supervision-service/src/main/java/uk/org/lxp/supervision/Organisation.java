package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An organisation as roles-service last described it; only newer versions replace it. */
@Entity
public class Organisation {

    @Id
    @Column(name = "ods_code")
    private String odsCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "source_version", nullable = false)
    private int sourceVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organisation() {
    }

    public Organisation(String odsCode) {
        this.odsCode = odsCode;
        this.sourceVersion = -1;
    }

    /** Takes the published state if it is newer than what is held; says whether it did. */
    public boolean apply(String name, LocalDate validFrom, LocalDate validTo, int version, Instant updatedAt) {
        if (version <= sourceVersion) {
            return false;
        }
        this.name = name;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.sourceVersion = version;
        this.updatedAt = updatedAt;
        return true;
    }

    /** Whether the organisation exists on the given day (merged or closed ones do not); an unknown start is no bar. */
    public boolean isOpenOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public String odsCode() {
        return odsCode;
    }
}
