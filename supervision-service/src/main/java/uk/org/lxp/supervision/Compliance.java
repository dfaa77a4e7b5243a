package uk.org.lxp.supervision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The compliance rules, pure: whether an agreement keeps its minimum standard, when a post holder counts as
 * unsupervised, when a supervisor is over capacity, and whether a supervisor is
 * a more senior LXP than the person they supervise.
 */
public final class Compliance {

    /** Where an agreement stands against its minimum standard. */
    @Schema(name = "ComplianceStanding")
    public enum Standing { COMPLIANT, OVERDUE }

    /** LXP role levels, most junior first, as roles-service names them. */
    public static final List<String> LEVELS = List.of("ENTRY", "SENIOR", "LEAD_OR_ADVANCED", "STRATEGIC_OR_DIRECTOR");

    private Compliance() {
    }

    /**
     * OVERDUE once more than {@code minimumEveryDays} have passed since the last session held (or, before any was,
     * since the agreement's first day) without another being held; COMPLIANT otherwise. A session that was due in
     * that window and is still awaiting its record ({@code awaitingRecord}: the days of past sessions nobody has
     * recorded yet, within the grace period) may yet have met the standard, so judgement waits for it: it is recorded
     * as held, or as missed (by hand, or by the daily job once the grace period is over).
     */
    public static Standing standing(LocalDate firstDay, int minimumEveryDays, LocalDate lastHeld,
            Collection<LocalDate> awaitingRecord, LocalDate today) {
        LocalDate countFrom = lastHeld != null && lastHeld.isAfter(firstDay) ? lastHeld : firstDay;
        LocalDate deadline = countFrom.plusDays(minimumEveryDays);
        boolean mayStillMeetIt = awaitingRecord.stream().anyMatch(day -> !day.isBefore(countFrom) && !day.isAfter(deadline));
        return today.isAfter(deadline) && !mayStillMeetIt ? Standing.OVERDUE : Standing.COMPLIANT;
    }

    /**
     * The kinds of supervision a post holder's role asks for that they have none of, once {@code after} days have
     * passed since the post was filled; none before then (a new starter is given time to be set up).
     */
    public static Set<SupervisionType> missingSupervision(Collection<SupervisionType> required,
            Collection<SupervisionType> provided, LocalDate filledSince, int after, LocalDate today) {
        if (required.isEmpty() || filledSince == null || !today.isAfter(filledSince.plusDays(after))) {
            return Set.of();
        }
        Set<SupervisionType> missing = EnumSet.copyOf(required);
        missing.removeAll(provided);
        return missing;
    }

    public static boolean overCapacity(long supervised, int maxSupervisees) {
        return supervised > maxSupervisees;
    }

    /** Whether an LXP supervisor's level is above the supervisee's role level; unknown levels are not compared. */
    public static boolean moreSenior(String supervisorLevel, String superviseeLevel) {
        if (supervisorLevel == null || superviseeLevel == null) {
            return false;
        }
        int supervisor = LEVELS.indexOf(supervisorLevel);
        int supervisee = LEVELS.indexOf(superviseeLevel);
        return supervisor >= 0 && supervisee >= 0 && supervisor > supervisee;
    }
}
