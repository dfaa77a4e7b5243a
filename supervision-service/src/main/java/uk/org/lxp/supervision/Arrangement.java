package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** While it lasts, the provider organisation's supervisors may supervise the receiving organisation's LXPs. */
@Entity
@Table(name = "supervision_arrangement")
public class Arrangement {

    @Id
    private UUID id;

    @Column(name = "provider_organisation", nullable = false)
    private String providerOrganisation;

    @Column(name = "receiving_organisation", nullable = false)
    private String receivingOrganisation;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Arrangement() {
    }

    public Arrangement(String providerOrganisation, String receivingOrganisation, LocalDate validFrom, LocalDate validTo,
            Instant now) {
        if (providerOrganisation.equals(receivingOrganisation)) {
            throw new IllegalArgumentException("An arrangement is between two different organisations");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        this.id = UUID.randomUUID();
        this.providerOrganisation = providerOrganisation;
        this.receivingOrganisation = receivingOrganisation;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.createdAt = now;
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public UUID id() {
        return id;
    }

    public String providerOrganisation() {
        return providerOrganisation;
    }

    public String receivingOrganisation() {
        return receivingOrganisation;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
