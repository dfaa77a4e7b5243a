package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * An employer of LXPs or a body that groups them (an ICB). Organisations are effective-dated because they
 * merge: a merged trust gets a {@code validTo} and names its successor; its ICB membership changes over time.
 */
@Entity
public class Organisation {

    @Id
    private UUID id;

    @Column(name = "ods_code", nullable = false, unique = true)
    private String odsCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(name = "gss_code")
    private String gssCode;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_ods_code")
    private String successorOdsCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "icb_membership", joinColumns = @JoinColumn(name = "organisation_id"))
    private List<IcbMembership> icbMemberships = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organisation() {
    }

    public Organisation(String odsCode, Details details, Instant now) {
        this.id = UUID.randomUUID();
        this.odsCode = odsCode;
        this.createdAt = now;
        apply(details, now);
    }

    /** Everything about an organisation that may change; the ODS code may not. */
    public record Details(String name, OrganisationType type, String gssCode, LocalDate validFrom, LocalDate validTo,
            String successorOdsCode, List<IcbMembership> icbMemberships) {
    }

    /** Takes the new details; says whether anything differed. */
    public boolean update(Details details, Instant now) {
        List<IcbMembership> sorted = sorted(details.icbMemberships());
        Details normalised = new Details(details.name(), details.type(), details.gssCode(), details.validFrom(),
                details.validTo(), details.successorOdsCode(), sorted);
        if (normalised.equals(details())) {
            return false;
        }
        apply(details, now);
        return true;
    }

    private static List<IcbMembership> sorted(List<IcbMembership> memberships) {
        return (memberships == null ? List.<IcbMembership>of() : memberships).stream()
                .sorted(Comparator.comparing(IcbMembership::validFrom)).toList();
    }

    private void apply(Details details, Instant now) {
        if (details.validFrom() != null && details.validTo() != null && details.validTo().isBefore(details.validFrom())) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        if (odsCode.equals(details.successorOdsCode())) {
            throw new IllegalArgumentException("An organisation cannot succeed itself");
        }
        List<IcbMembership> memberships = details.icbMemberships() == null ? List.of() : details.icbMemberships();
        if (details.type() == OrganisationType.INTEGRATED_CARE_BOARD && !memberships.isEmpty()) {
            throw new IllegalArgumentException("An ICB is not a member of an ICB");
        }
        for (int i = 0; i < memberships.size(); i++) {
            for (int j = i + 1; j < memberships.size(); j++) {
                if (memberships.get(i).overlaps(memberships.get(j))) {
                    throw new IllegalArgumentException("ICB memberships overlap: an organisation belongs to one ICB at a time");
                }
            }
        }
        this.name = details.name();
        this.type = details.type();
        this.gssCode = details.gssCode();
        this.validFrom = details.validFrom();
        this.validTo = details.validTo();
        this.successorOdsCode = details.successorOdsCode();
        List<IcbMembership> sorted = sorted(memberships);
        if (!sorted.equals(icbMemberships)) {
            icbMemberships.clear();
            icbMemberships.addAll(sorted);
        }
        this.updatedAt = now;
    }

    /** The ICB the organisation belonged to on the given day. */
    public Optional<String> icbOn(LocalDate day) {
        return icbMemberships.stream().filter(m -> m.isValidOn(day)).map(IcbMembership::icbOdsCode).findFirst();
    }

    public UUID id() {
        return id;
    }

    public String odsCode() {
        return odsCode;
    }

    public String name() {
        return name;
    }

    public OrganisationType type() {
        return type;
    }

    public String gssCode() {
        return gssCode;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String successorOdsCode() {
        return successorOdsCode;
    }

    public List<IcbMembership> icbMemberships() {
        return List.copyOf(icbMemberships);
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

    public Details details() {
        return new Details(name, type, gssCode, validFrom, validTo, successorOdsCode, icbMemberships());
    }
}
