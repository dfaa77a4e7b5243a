package uk.org.lxp.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * Someone who supervises LXPs, known by their employer's opaque staff reference. Whether they are an LXP themselves,
 * and how senior, matters: supervision from a more senior LXP is what good practice asks for. Their work email is
 * kept for calendar invitations only; their leave as days, never a reason.
 */
@Entity
public class Supervisor {

    public static final int MAX_CAPACITY = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}");

    /** What may change of a supervisor after registration. */
    public record Details(boolean livedExperience, String lxpFamily, String lxpLevel, int maxSupervisees,
            WorkingPattern workingPattern, List<DateRange> away, String workEmail) {

        public Details {
            if (maxSupervisees < 1 || maxSupervisees > MAX_CAPACITY) {
                throw new IllegalArgumentException("A supervisor supervises 1 to " + MAX_CAPACITY + " people");
            }
            if (!livedExperience && (lxpFamily != null || lxpLevel != null)) {
                throw new IllegalArgumentException("Only a supervisor who is an LXP has an LXP role family and level");
            }
            if (workEmail != null && !EMAIL.matcher(workEmail).matches()) {
                throw new IllegalArgumentException("The work email is not an email address");
            }
            workingPattern = workingPattern == null ? WorkingPattern.STANDARD : workingPattern;
            away = away == null ? List.of() : away.stream().sorted(Comparator.comparing(DateRange::from)).toList();
            for (int i = 1; i < away.size(); i++) {
                if (!away.get(i).from().isAfter(away.get(i - 1).to())) {
                    throw new IllegalArgumentException("Periods away overlap: " + away.get(i - 1).from() + " to "
                            + away.get(i - 1).to() + " and " + away.get(i).from() + " to " + away.get(i).to());
                }
            }
        }
    }

    /** One period away, as stored. */
    @Embeddable
    public record Away(@Column(name = "away_from") LocalDate from, @Column(name = "away_to") LocalDate to) {
    }

    @Id
    private UUID id;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "staff_reference", nullable = false)
    private String staffReference;

    @Column(name = "lived_experience", nullable = false)
    private boolean livedExperience;

    @Column(name = "lived_experience_family")
    private String lxpFamily;

    @Column(name = "lived_experience_level")
    private String lxpLevel;

    @Column(name = "max_supervisees", nullable = false)
    private short maxSupervisees;

    @Column(name = "working_days", nullable = false)
    private String workingDays;

    @Column(name = "working_from", nullable = false)
    private LocalTime workingFrom;

    @Column(name = "working_to", nullable = false)
    private LocalTime workingTo;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "supervisor_away", joinColumns = @JoinColumn(name = "supervisor_id"))
    private List<Away> away = new ArrayList<>();

    @Column(name = "work_email")
    private String workEmail;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "over_capacity", nullable = false)
    private boolean overCapacity;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Supervisor() {
    }

    public Supervisor(String organisationCode, String staffReference, Details details, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationCode = organisationCode;
        this.staffReference = staffReference;
        this.active = true;
        this.createdAt = now;
        apply(details, now);
    }

    /** Takes the new details; says whether anything differed. */
    public boolean change(Details details, Instant now) {
        if (details.equals(details())) {
            return false;
        }
        apply(details, now);
        return true;
    }

    private void apply(Details details, Instant now) {
        livedExperience = details.livedExperience();
        lxpFamily = details.lxpFamily();
        lxpLevel = details.lxpLevel();
        maxSupervisees = (short) details.maxSupervisees();
        workingDays = details.workingPattern().storedDays();
        workingFrom = details.workingPattern().start();
        workingTo = details.workingPattern().end();
        away.clear();
        details.away().forEach(period -> away.add(new Away(period.from(), period.to())));
        workEmail = details.workEmail();
        updatedAt = now;
    }

    public Details details() {
        return new Details(livedExperience, lxpFamily, lxpLevel, maxSupervisees, workingPattern(),
                away.stream().map(period -> new DateRange(period.from(), period.to())).toList(), workEmail);
    }

    public WorkingPattern workingPattern() {
        return WorkingPattern.stored(workingDays, workingFrom, workingTo);
    }

    public List<DateRange> away() {
        return details().away();
    }

    /** Whether one more supervisee fits, given how many active agreements they supervise now. */
    public boolean hasRoomBeside(long supervisedNow) {
        return supervisedNow < maxSupervisees;
    }

    /** Takes whether a review found them over capacity; says whether that changed. */
    public boolean flagCapacity(boolean over) {
        if (over == overCapacity) {
            return false;
        }
        overCapacity = over;
        return true;
    }

    public boolean overCapacity() {
        return overCapacity;
    }

    public UUID id() {
        return id;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String staffReference() {
        return staffReference;
    }

    public boolean livedExperience() {
        return livedExperience;
    }

    public String lxpFamily() {
        return lxpFamily;
    }

    public String lxpLevel() {
        return lxpLevel;
    }

    public int maxSupervisees() {
        return maxSupervisees;
    }

    public String workEmail() {
        return workEmail;
    }

    public boolean active() {
        return active;
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
