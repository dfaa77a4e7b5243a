package uk.org.lxp.payequity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_ods_code")
    private String successorOdsCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "icb_memberships", nullable = false)
    private List<IcbMembership> icbMemberships = new ArrayList<>();

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
    /** Membership of an ICB over time, as roles-service publishes it. */
    public record IcbMembership(String icbOdsCode, LocalDate validFrom, LocalDate validTo) {

        boolean isValidOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    public boolean apply(String name, String type, LocalDate validFrom, LocalDate validTo, String successorOdsCode,
            List<IcbMembership> memberships, int version, Instant updatedAt) {
        if (version <= sourceVersion) {
            return false;
        }
        this.name = name;
        this.type = type;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.successorOdsCode = successorOdsCode;
        this.icbMemberships = new ArrayList<>(memberships == null ? List.of() : memberships);
        this.sourceVersion = version;
        this.updatedAt = updatedAt;
        return true;
    }

    /** The ICB the organisation belonged to on the day. */
    public Optional<String> icbOn(LocalDate day) {
        return icbMemberships.stream().filter(m -> m.isValidOn(day)).map(IcbMembership::icbOdsCode).findFirst();
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
