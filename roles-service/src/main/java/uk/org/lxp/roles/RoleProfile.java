package uk.org.lxp.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A role in the catalogue: what the role is, the lived experience it requires, how it is banded, contracted
 * and filed, what it needs of supervision. Owned by an organisation, or a national template (no owner) that
 * organisations adopt. Draft, then published, then retired; each change is a new revision.
 */
@Entity
@Table(name = "role_profile")
public class RoleProfile {

    static final String ADMINISTRATIVE_AND_CLERICAL = "08";
    private static final Set<String> STAFF_GROUPS = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10");

    public enum Status { DRAFT, PUBLISHED, RETIRED }

    /** What a profile says; everything an edit may change. */
    public record Content(String title, RoleFamily family, RoleLevel level, LivedExperienceCriterion livedExperience,
            PayBand band, ContractBasis contractBasis, String staffGroupCode, boolean patientFacing,
            List<CompetenceDomain> competenceDomains, List<SupervisionRequirement> supervisionRequirements) {
    }

    @Id
    private UUID id;

    @Column(name = "owner_ods_code")
    private String ownerOdsCode;

    @Column(name = "template_id")
    private UUID templateId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoleFamily family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoleLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "lived_experience_criterion", nullable = false)
    private LivedExperienceCriterion livedExperience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayBand band;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_basis", nullable = false)
    private ContractBasis contractBasis;

    @Column(name = "staff_group_code", nullable = false)
    private String staffGroupCode;

    @Column(name = "patient_facing", nullable = false)
    private boolean patientFacing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "competence_domains", nullable = false)
    private List<CompetenceDomain> competenceDomains = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "supervision_requirements", nullable = false)
    private List<SupervisionRequirement> supervisionRequirements = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int revision;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RoleProfile() {
    }

    /** A new draft; {@code ownerOdsCode} null makes it a national template. */
    public RoleProfile(String ownerOdsCode, UUID templateId, Content content, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerOdsCode = ownerOdsCode;
        this.templateId = templateId;
        this.status = Status.DRAFT;
        this.revision = 1;
        this.createdAt = now;
        apply(content, now);
    }

    /** An organisation's own draft copy of a national template. */
    public RoleProfile adoptedBy(String organisation, Instant now) {
        if (!isTemplate()) {
            throw new IllegalArgumentException("Only a national template can be adopted");
        }
        if (status != Status.PUBLISHED) {
            throw new IllegalStateException("Only a published template can be adopted");
        }
        return new RoleProfile(organisation, id, content(), now);
    }

    public void revise(Content content, Instant now) {
        if (status == Status.RETIRED) {
            throw new IllegalStateException("A retired profile cannot be changed");
        }
        apply(content, now);
        revision++;
    }

    public void publish(Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("Only a draft can be published; this profile is " + status);
        }
        status = Status.PUBLISHED;
        revision++;
        updatedAt = now;
    }

    public void retire(Instant now) {
        if (status == Status.RETIRED) {
            throw new IllegalStateException("The profile is already retired");
        }
        status = Status.RETIRED;
        revision++;
        updatedAt = now;
    }

    /**
     * What someone reading the catalogue should know is wrong with the profile. A patient-facing role filed under
     * 08 Administrative and Clerical contradicts that group's definition and hides the role from clinical counts.
     */
    public List<String> concerns() {
        List<String> concerns = new ArrayList<>();
        if (patientFacing && ADMINISTRATIVE_AND_CLERICAL.equals(staffGroupCode)) {
            concerns.add("Patient-facing role filed under staff group 08 Administrative and Clerical, which is defined"
                    + " as non-clinical with no significant patient contact; a patient-facing peer role belongs in a"
                    + " clinical group such as 07 Additional Clinical Services");
        }
        if (!livedExperience.essential()) {
            concerns.add("Lived experience is not essential: without it this reads as a generic involvement role,"
                    + " not a lived experience practitioner role");
        }
        return concerns;
    }

    private void apply(Content content, Instant now) {
        if (content.title() == null || content.title().isBlank()) {
            throw new IllegalArgumentException("A role profile needs a title");
        }
        if (!STAFF_GROUPS.contains(content.staffGroupCode())) {
            throw new IllegalArgumentException("Staff group must be an NHS Data Dictionary code 01 to 10");
        }
        if (content.livedExperience() == null) {
            throw new IllegalArgumentException("The lived experience criterion is required: it is what makes this an LXP role");
        }
        this.title = content.title();
        this.family = content.family();
        this.level = content.level();
        this.livedExperience = content.livedExperience();
        this.band = content.band();
        this.contractBasis = content.contractBasis();
        this.staffGroupCode = content.staffGroupCode();
        this.patientFacing = content.patientFacing();
        this.competenceDomains = new ArrayList<>(content.competenceDomains() == null ? List.of() : content.competenceDomains());
        this.supervisionRequirements = new ArrayList<>(
                content.supervisionRequirements() == null ? List.of() : content.supervisionRequirements());
        this.updatedAt = now;
    }

    public Content content() {
        return new Content(title, family, level, livedExperience, band, contractBasis, staffGroupCode, patientFacing,
                List.copyOf(competenceDomains), List.copyOf(supervisionRequirements));
    }

    public boolean isTemplate() {
        return ownerOdsCode == null;
    }

    public UUID id() {
        return id;
    }

    public String ownerOdsCode() {
        return ownerOdsCode;
    }

    public UUID templateId() {
        return templateId;
    }

    public Status status() {
        return status;
    }

    public int revision() {
        return revision;
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
