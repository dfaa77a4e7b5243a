package uk.org.lxp.roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A national offer of funding for LXP posts, such as NHS England's December 2020 offer of a Band 7 lived experience
 * post to every mental health trust: who funds it, when it was offered and open to applications, the band, family and
 * level of the posts it funds, how many (and how much) per organisation, and which organisations may apply.
 */
@Entity
@Table(name = "funding_programme")
public class FundingProgramme {

    public static final int MOST_ELIGIBLE = 500;

    /** What lxp-admin records; the rules of a programme are checked here. */
    public record Terms(String name, String funder, LocalDate offeredOn, LocalDate applicationsOpen,
            LocalDate applicationsClose, PayBand fundedBand, RoleFamily family, RoleLevel level, int postsPerOrganisation,
            BigDecimal amountPerOrganisationGbp, Set<String> eligibleOrganisations) {

        public Terms {
            if (applicationsClose.isBefore(applicationsOpen)) {
                throw new FieldInvalid("applicationsClose", "applications cannot close before they open");
            }
            if (applicationsOpen.isBefore(offeredOn)) {
                throw new FieldInvalid("applicationsOpen", "applications cannot open before the offer");
            }
            if (!fundedBand.isAgendaForChange()) {
                throw new FieldInvalid("fundedBand", "a programme funds posts on an Agenda for Change band");
            }
            eligibleOrganisations = Set.copyOf(eligibleOrganisations);
        }
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String funder;

    @Column(name = "offered_on", nullable = false)
    private LocalDate offeredOn;

    @Column(name = "applications_open", nullable = false)
    private LocalDate applicationsOpen;

    @Column(name = "applications_close", nullable = false)
    private LocalDate applicationsClose;

    @Enumerated(EnumType.STRING)
    @Column(name = "funded_band", nullable = false)
    private PayBand fundedBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoleFamily family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoleLevel level;

    @Column(name = "posts_per_organisation", nullable = false)
    private int postsPerOrganisation;

    @Column(name = "amount_per_organisation_gbp")
    private BigDecimal amountPerOrganisationGbp;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "funding_programme_eligible", joinColumns = @JoinColumn(name = "programme_id"))
    @Column(name = "organisation_ods_code")
    private Set<String> eligibleOrganisations = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected FundingProgramme() {
    }

    public FundingProgramme(Terms terms, Instant now) {
        this.id = UUID.randomUUID();
        this.name = terms.name();
        this.funder = terms.funder();
        this.offeredOn = terms.offeredOn();
        this.applicationsOpen = terms.applicationsOpen();
        this.applicationsClose = terms.applicationsClose();
        this.fundedBand = terms.fundedBand();
        this.family = terms.family();
        this.level = terms.level();
        this.postsPerOrganisation = terms.postsPerOrganisation();
        this.amountPerOrganisationGbp = terms.amountPerOrganisationGbp();
        this.eligibleOrganisations = new TreeSet<>(terms.eligibleOrganisations());
        this.createdAt = now;
    }

    public boolean isEligible(String organisation) {
        return eligibleOrganisations.contains(organisation);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(applicationsOpen) && !day.isAfter(applicationsClose);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String funder() {
        return funder;
    }

    public LocalDate offeredOn() {
        return offeredOn;
    }

    public LocalDate applicationsOpen() {
        return applicationsOpen;
    }

    public LocalDate applicationsClose() {
        return applicationsClose;
    }

    public PayBand fundedBand() {
        return fundedBand;
    }

    public RoleFamily family() {
        return family;
    }

    public RoleLevel level() {
        return level;
    }

    public int postsPerOrganisation() {
        return postsPerOrganisation;
    }

    public BigDecimal amountPerOrganisationGbp() {
        return amountPerOrganisationGbp;
    }

    public Set<String> eligibleOrganisations() {
        return Set.copyOf(eligibleOrganisations);
    }

    public int version() {
        return version;
    }
}
