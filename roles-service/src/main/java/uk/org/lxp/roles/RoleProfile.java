package uk.org.lxp.roles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import uk.org.lxp.api.Today;

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

    @Schema(name = "RoleProfileStatus")
    public enum Status { DRAFT, PUBLISHED, RETIRED }

    /** What a profile says; everything an edit may change. */
    public record Content(String title, RoleFamily family, RoleLevel level, LivedExperienceCriterion livedExperience,
            PayBand band, ContractBasis contractBasis, String staffGroupCode, boolean patientFacing,
            List<CompetenceDomain> competenceDomains, List<SupervisionRequirement> supervisionRequirements) {

        /**
         * Whether going from {@code before} to this changes what the role is. Only a small correction of the title
         * (at most {@value #MOST_TITLE_CORRECTION} characters inserted, removed or replaced, e.g. a typo, counted from
         * the title at the last material change so that small edits cannot add up to a new name) is not material; any change of family, level, lived experience, band, basis, staff group, patient contact,
         * competences or supervision is.
         */
        public boolean differsMateriallyFrom(Content before, String titleAtLastMaterialChange) {
            Content sameTitle = new Content(before.title(), family, level, livedExperience, band, contractBasis,
                    staffGroupCode, patientFacing, competenceDomains, supervisionRequirements);
            return !sameTitle.equals(before) || editDistance(titleAtLastMaterialChange, title) > MOST_TITLE_CORRECTION;
        }
    }

    static final int MOST_TITLE_CORRECTION = 3;
    static final int MOST_RECORDS = 100;

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "readiness_answers", nullable = false)
    private List<ReadinessAnswer> readinessAnswers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steering_decisions", nullable = false)
    private List<SteeringDecision> decisions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reviews", nullable = false)
    private List<RoleReview> reviews = new ArrayList<>();

    /** The revision at which what the role is last changed; a decision taken before it no longer stands. */
    @Column(name = "last_material_revision", nullable = false)
    private int lastMaterialRevision;

    @Column(name = "last_material_change_at", nullable = false)
    private Instant lastMaterialChangeAt;

    @Column(name = "title_at_last_material_change", nullable = false)
    private String titleAtLastMaterialChange;

    /** Whether the steering group had approved the content that was published. */
    @Column(name = "publication_approved", nullable = false)
    private boolean publicationApproved;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "job_evaluation")
    private JobEvaluation jobEvaluation;

    @Column(name = "review_due")
    private LocalDate reviewDue;

    @Column(name = "review_overdue_since")
    private LocalDate reviewOverdueSince;

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
        materialChange(now);
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

    /**
     * A new version of what the profile says. A material change of a published profile of an organisation that
     * co-produces its roles needs its steering group's approval first; a material change of a draft voids approvals of
     * its earlier content.
     */
    public void revise(Content content, Instant now, RoleDevelopmentSettings settings) {
        requireNotRetired();
        boolean material = content.differsMateriallyFrom(content(), titleAtLastMaterialChange);
        if (material && status == Status.PUBLISHED) {
            requireApproval(SteeringDecision.Matter.REVISE, settings);
        }
        apply(content, now);
        revision++;
        if (material) {
            materialChange(now);
        }
    }

    private void materialChange(Instant now) {
        lastMaterialRevision = revision;
        lastMaterialChangeAt = now;
        titleAtLastMaterialChange = title;
    }

    /**
     * Publishes a draft. Where the owner co-produces its roles, the readiness questions must be settled and the
     * steering group must have approved this content; the first review falls due the organisation's interval later.
     */
    public void publish(Instant now, LocalDate today, RoleDevelopmentSettings settings, Readiness readiness) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("Only a draft can be published; this profile is " + status);
        }
        if (coProducedBy(settings) && !readiness.complete()) {
            throw new CoProductionRequired("The readiness questions are not settled: " + readiness.missing().stream()
                    .map(gap -> gap.topicCode() + " lacks " + gap.lacking()).toList());
        }
        requireApproval(SteeringDecision.Matter.PUBLISH, settings);
        publicationApproved = standingDecision(SteeringDecision.Matter.PUBLISH)
                .filter(decision -> decision.outcome() == SteeringDecision.Verdict.APPROVED).isPresent();
        status = Status.PUBLISHED;
        revision++;
        updatedAt = now;
        reviewDue = isTemplate() ? null : today.plusMonths(settings.reviewEveryMonths());
    }

    public void retire(Instant now, RoleDevelopmentSettings settings) {
        if (status == Status.RETIRED) {
            throw new IllegalStateException("The profile is already retired");
        }
        if (status == Status.PUBLISHED) {
            requireApproval(SteeringDecision.Matter.RETIRE, settings);
        }
        status = Status.RETIRED;
        revision++;
        updatedAt = now;
        reviewDue = null;
        reviewOverdueSince = null;
    }

    /** A panel's evaluation of the role; it replaces the current one, which stays in the earlier revisions. */
    public void evaluate(JobEvaluation evaluation, Instant now) {
        requireNotRetired();
        jobEvaluation = evaluation;
        revision++;
        updatedAt = now;
    }

    /** Settles (or settles again) one readiness topic; an answer is not material, so approvals stand. */
    public void answer(ReadinessAnswer answer, Instant now) {
        requireNotRetired();
        readinessAnswers.removeIf(held -> held.topicCode().equals(answer.topicCode()));
        readinessAnswers.add(answer);
        revision++;
        updatedAt = now;
    }

    /** Records a steering group's decision on the matter it was asked, which must be one this profile can face. */
    public void record(SteeringDecision decision, Instant now) {
        if (isTemplate()) {
            throw new IllegalArgumentException("A national template is not an organisation's role; no steering group decides on it");
        }
        Status facing = switch (decision.matter()) {
            case PUBLISH -> Status.DRAFT;
            case REVISE, RETIRE -> Status.PUBLISHED;
        };
        if (status != facing) {
            throw new IllegalStateException("A decision to " + decision.matter() + " is for a " + facing
                    + " profile; this profile is " + status);
        }
        if (decision.meetingOn().isBefore(LocalDate.ofInstant(lastMaterialChangeAt, Today.ENGLAND))) {
            throw new IllegalArgumentException("The meeting on " + decision.meetingOn() + " was before the profile last"
                    + " changed materially (" + LocalDate.ofInstant(lastMaterialChangeAt, Today.ENGLAND)
                    + "): the group decided on content the profile no longer has");
        }
        if (decisions.size() >= MOST_RECORDS) {
            throw new IllegalArgumentException("A profile keeps at most " + MOST_RECORDS + " decisions");
        }
        decisions.add(decision);
        revision++;
        updatedAt = now;
    }

    /** A review of the published role; the next one falls due the organisation's interval after it. */
    public void review(RoleReview review, LocalDate today, RoleDevelopmentSettings settings) {
        if (status != Status.PUBLISHED) {
            throw new IllegalStateException("Only a published role is reviewed; this profile is " + status);
        }
        if (review.reviewedOn().isAfter(today)) {
            throw new IllegalArgumentException("A review is recorded once it has taken place, not before");
        }
        if (reviews.size() >= MOST_RECORDS) {
            throw new IllegalArgumentException("A profile keeps at most " + MOST_RECORDS + " reviews");
        }
        reviews.add(review);
        LocalDate lastReviewed = reviews.stream().map(RoleReview::reviewedOn).max(LocalDate::compareTo).orElseThrow();
        reviewDue = lastReviewed.plusMonths(settings.reviewEveryMonths());
        // A review that leaves the role still overdue keeps it marked; one that does not clears it. A role not yet
        // marked is left to the nightly check, which marks what fell due, once, with its event.
        reviewOverdueSince = reviewOverdueSince != null && reviewDue.isBefore(today) ? reviewDue.plusDays(1) : null;
        revision++;
        updatedAt = review.recordedAt();
    }

    /** Marks the role's review overdue once its due day has passed; false when nothing changed. */
    public boolean markReviewOverdue(LocalDate today, Instant now) {
        if (status != Status.PUBLISHED || reviewDue == null || !reviewDue.isBefore(today) || reviewOverdueSince != null) {
            return false;
        }
        reviewOverdueSince = reviewDue.plusDays(1);
        revision++;
        updatedAt = now;
        return true;
    }

    /** Whether the role was made together: its readiness questions settled and its publication approved. */
    public boolean coProduced(Readiness readiness) {
        return status == Status.PUBLISHED && publicationApproved && readiness.complete();
    }

    /**
     * Where the owner co-produces its roles, the group's latest decision on the matter, taken since the content last
     * changed materially, must be an approval: a later decision to decline or to ask for changes overrides it.
     */
    private void requireApproval(SteeringDecision.Matter matter, RoleDevelopmentSettings settings) {
        boolean approved = standingDecision(matter)
                .filter(decision -> decision.outcome() == SteeringDecision.Verdict.APPROVED).isPresent();
        if (coProducedBy(settings) && !approved) {
            throw new CoProductionRequired(ownerOdsCode + " co-produces its roles: to " + matter.name().toLowerCase()
                    + " this profile needs its steering group's approval as its latest decision on that, recorded since"
                    + " its content last changed materially (revision " + lastMaterialRevision + ")");
        }
    }

    /** The latest decision on the matter that still concerns the profile's content. */
    private Optional<SteeringDecision> standingDecision(SteeringDecision.Matter matter) {
        SteeringDecision standing = null;
        for (SteeringDecision decision : decisions) {
            if (decision.concerns(matter, lastMaterialRevision)) {
                standing = decision;
            }
        }
        return Optional.ofNullable(standing);
    }

    private boolean coProducedBy(RoleDevelopmentSettings settings) {
        return !isTemplate() && settings.requiresCoProduction();
    }

    private void requireNotRetired() {
        if (status == Status.RETIRED) {
            throw new IllegalStateException("A retired profile cannot be changed");
        }
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
        if (jobEvaluation != null && jobEvaluation.evidencesAbove(band)) {
            concerns.add("Banded " + band + " below the " + jobEvaluation.weight().bands().get(0) + " its own job evaluation"
                    + " evidences (job weight " + jobEvaluation.weight().minimum() + "-" + jobEvaluation.weight().maximum() + ")");
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

    /** Characters inserted, removed or replaced to turn one title into the other (Levenshtein). */
    static int editDistance(String from, String to) {
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int replace = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }

    public List<ReadinessAnswer> readinessAnswers() {
        return List.copyOf(readinessAnswers);
    }

    /** The decisions as every reader may see them: those present counted by perspective. */
    public List<DecisionSummary> decisions() {
        return decisions.stream().map(DecisionSummary::of).toList();
    }

    public List<RoleReview> reviews() {
        return List.copyOf(reviews);
    }

    /** The current evaluation; null while the role has none. */
    public JobEvaluation jobEvaluation() {
        return jobEvaluation;
    }

    public LocalDate reviewDue() {
        return reviewDue;
    }

    public LocalDate reviewOverdueSince() {
        return reviewOverdueSince;
    }

    public boolean publicationApproved() {
        return publicationApproved;
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
