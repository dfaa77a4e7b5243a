package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cohort of the structured training programme for new LXPs: an organisation's, from a start date for a number of
 * weeks (12 unless said otherwise), with a curriculum of named modules each planned for a week of the programme.
 */
@Entity
@Table(name = "training_cohort")
public class TrainingCohort {

    public static final int DEFAULT_WEEKS = 12;

    @Schema(name = "TrainingCohortStatus")
    public enum Status { PLANNED, RUNNING, FINISHED }

    /** A module of the curriculum, planned for a week of the programme (1 is the first). */
    @Embeddable
    @Schema(name = "TrainingModule")
    public record Module(@Column(name = "position") int position, @Column(name = "name") String name,
            @Column(name = "planned_week") int plannedWeek) {
    }

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(nullable = false)
    private short weeks;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cohort_module", joinColumns = @JoinColumn(name = "cohort_id"))
    private List<Module> modules = new ArrayList<>();

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TrainingCohort() {
    }

    /** {@code curriculum}: each module's name and planned week, in teaching order. */
    public TrainingCohort(String organisationCode, String name, LocalDate startDate, int weeks, List<Module> curriculum,
            Instant now) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A cohort has a name");
        }
        if (weeks < 1 || weeks > 52) {
            throw new IllegalArgumentException("A programme runs 1 to 52 weeks");
        }
        if (curriculum.isEmpty()) {
            throw new IllegalArgumentException("A programme has at least one module");
        }
        var names = new HashSet<String>();
        for (Module module : curriculum) {
            if (module.plannedWeek() < 1 || module.plannedWeek() > weeks) {
                throw new IllegalArgumentException("Module '" + module.name() + "' is planned for week "
                        + module.plannedWeek() + ", outside the programme's " + weeks + " weeks");
            }
            if (!names.add(module.name())) {
                throw new IllegalArgumentException("Module '" + module.name() + "' is in the curriculum twice");
            }
        }
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.name = name.strip();
        this.startDate = startDate;
        this.weeks = (short) weeks;
        for (int i = 0; i < curriculum.size(); i++) {
            modules.add(new Module(i + 1, curriculum.get(i).name(), curriculum.get(i).plannedWeek()));
        }
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The day after the programme's last: {@code weeks} whole weeks from the start. */
    public LocalDate endsBefore() {
        return startDate.plusWeeks(weeks);
    }

    public LocalDate lastDay() {
        return endsBefore().minusDays(1);
    }

    public Status status(LocalDate today) {
        if (today.isBefore(startDate)) {
            return Status.PLANNED;
        }
        return today.isBefore(endsBefore()) ? Status.RUNNING : Status.FINISHED;
    }

    /** The week of the programme {@code today} falls in (1 is the first), while it runs. */
    public Optional<Integer> weekOn(LocalDate today) {
        if (status(today) != Status.RUNNING) {
            return Optional.empty();
        }
        return Optional.of((int) ChronoUnit.WEEKS.between(startDate, today) + 1);
    }

    /** Whether the module's planned week has begun, so that attendance can be recorded. */
    public boolean hasBegun(Module module, LocalDate today) {
        return !today.isBefore(startDate.plusWeeks(module.plannedWeek() - 1L));
    }

    /** Completion is recorded from the start of the programme's last week. */
    public boolean inLastWeekOrAfter(LocalDate today) {
        return !today.isBefore(startDate.plusWeeks(weeks - 1L));
    }

    public Optional<Module> module(int position) {
        return modules.stream().filter(module -> module.position() == position).findFirst();
    }

    public List<Module> modules() {
        return modules.stream().sorted(Comparator.comparingInt(Module::position)).toList();
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String name() {
        return name;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public int weeks() {
        return weeks;
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
