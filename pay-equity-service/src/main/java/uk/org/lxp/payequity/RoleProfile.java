package uk.org.lxp.payequity;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role profile as roles-service last published it: what pay equity needs to group and compare posts. */
@Entity
@Table(name = "role_profile")
public class RoleProfile {

    /** The fields of roles-service's role profile event that this service keeps. */
    public record State(UUID id, String ownerOdsCode, String title, String family, String level, String band,
            String contractBasis, String staffGroupCode, boolean patientFacing, String status, int revision,
            Evaluation jobEvaluation) {
    }

    /** The part of roles-service's job evaluation this service keeps: the weight and the bands it evidences. */
    public record Evaluation(Weight weight) {
    }

    public record Weight(int minimum, int maximum, List<String> bands) {
    }

    @Id
    private UUID id;

    @Column(name = "owner_ods_code")
    private String ownerOdsCode;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String family;

    @Column(nullable = false)
    private String level;

    @Column(nullable = false)
    private String band;

    @Column(name = "contract_basis", nullable = false)
    private String contractBasis;

    @Column(name = "staff_group_code", nullable = false)
    private String staffGroupCode;

    @Column(name = "patient_facing", nullable = false)
    private boolean patientFacing;

    @Column(nullable = false)
    private String status;

    @Column(name = "source_revision", nullable = false)
    private int sourceRevision;

    @Column(name = "job_weight_min")
    private Integer jobWeightMinimum;

    @Column(name = "job_weight_max")
    private Integer jobWeightMaximum;

    /** The bands the job weight evidences, lowest first, comma-separated; null while the profile is not evaluated. */
    @Column(name = "evaluated_bands")
    private String evaluatedBands;

    protected RoleProfile() {
    }

    public RoleProfile(UUID id) {
        this.id = id;
        this.sourceRevision = 0;
    }

    /** Takes a newer revision; an older or repeated one changes nothing. */
    public boolean apply(State state) {
        if (state.revision() <= sourceRevision) {
            return false;
        }
        ownerOdsCode = state.ownerOdsCode();
        title = state.title();
        family = state.family();
        level = state.level();
        band = state.band();
        contractBasis = state.contractBasis();
        staffGroupCode = state.staffGroupCode();
        patientFacing = state.patientFacing();
        status = state.status();
        sourceRevision = state.revision();
        Weight weight = state.jobEvaluation() == null ? null : state.jobEvaluation().weight();
        jobWeightMinimum = weight == null ? null : weight.minimum();
        jobWeightMaximum = weight == null ? null : weight.maximum();
        evaluatedBands = weight == null || weight.bands().isEmpty() ? null : String.join(",", weight.bands());
        return true;
    }

    public UUID id() {
        return id;
    }

    public String ownerOdsCode() {
        return ownerOdsCode;
    }

    public String status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String family() {
        return family;
    }

    public String level() {
        return level;
    }

    public String band() {
        return band;
    }

    /** The bands the profile's own job evaluation evidences, lowest first; empty while it has none. */
    public List<String> evaluatedBands() {
        return evaluatedBands == null ? List.of() : List.of(evaluatedBands.split(","));
    }

    public Integer jobWeightMinimum() {
        return jobWeightMinimum;
    }

    public Integer jobWeightMaximum() {
        return jobWeightMaximum;
    }

    public String contractBasis() {
        return contractBasis;
    }
}
