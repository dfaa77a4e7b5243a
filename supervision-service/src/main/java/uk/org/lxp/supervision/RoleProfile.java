package uk.org.lxp.supervision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A role profile as roles-service last published it: the supervision the role needs, and how senior it is. */
@Entity
@Table(name = "role_profile")
public class RoleProfile {

    /** At least one session of a kind every so many days, as the profile asks. */
    public record Requirement(String type, int minimumEveryDays) {
    }

    /** The fields of roles-service's role profile event that this service keeps. */
    public record State(UUID id, String ownerOdsCode, String title, String family, String level, String band,
            List<Requirement> supervisionRequirements, String status, int revision) {
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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "supervision_requirements", nullable = false)
    private List<Requirement> supervisionRequirements = new ArrayList<>();

    @Column(nullable = false)
    private String status;

    @Column(name = "source_revision", nullable = false)
    private int sourceRevision;

    protected RoleProfile() {
    }

    public RoleProfile(UUID id) {
        this.id = id;
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
        supervisionRequirements = new ArrayList<>(
                state.supervisionRequirements() == null ? List.of() : state.supervisionRequirements());
        status = state.status();
        sourceRevision = state.revision();
        return true;
    }

    /** The minimum standard the profile sets for a kind of supervision, if it asks for that kind. */
    public Optional<Integer> minimumEveryDays(SupervisionType type) {
        return supervisionRequirements.stream()
                .filter(requirement -> SupervisionType.forRequirement(requirement.type()) == type)
                .map(Requirement::minimumEveryDays).min(Integer::compare);
    }

    /** The kinds of supervision the profile asks for (reflective practice being group supervision). */
    public Set<SupervisionType> requiredTypes() {
        return supervisionRequirements.stream().map(requirement -> SupervisionType.forRequirement(requirement.type()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SupervisionType.class)));
    }

    public UUID id() {
        return id;
    }

    public String family() {
        return family;
    }

    public String level() {
        return level;
    }

    public List<Requirement> supervisionRequirements() {
        return List.copyOf(supervisionRequirements);
    }
}
