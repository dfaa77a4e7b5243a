package uk.org.lxp.payequity;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An organisation as roles-service last described it. Only newer versions replace it, so a late redelivery of
 * an old event cannot turn the clock back.
 */
@Entity
public class Organisation {

    @Id
    @Column(name = "ods_code")
    private String odsCode;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String type;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_ods_code")
    private String successorOdsCode;

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
    public boolean apply(String name, String type, LocalDate validFrom, LocalDate validTo, String successorOdsCode,
            int version, Instant updatedAt) {
        if (version <= sourceVersion) {
            return false;
        }
        this.name = name;
        this.type = type;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.successorOdsCode = successorOdsCode;
        this.sourceVersion = version;
        this.updatedAt = updatedAt;
        return true;
    }

    public String odsCode() {
        return odsCode;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String successorOdsCode() {
        return successorOdsCode;
    }

    public int sourceVersion() {
        return sourceVersion;
    }
}
