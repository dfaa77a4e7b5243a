package uk.org.lxp.supervision.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.cache.CacheResult;

import uk.org.lxp.api.Today;
import uk.org.lxp.api.scope.CrossOrganisationFigures;
import uk.org.lxp.api.scope.OrganisationDirectory;
import uk.org.lxp.api.scope.SmallCohorts;
import uk.org.lxp.supervision.Compliance;

/**
 * Supervision figures over a scope (an organisation, an ICB's members on the period's last day, or the nation) and a
 * period: who is supervised and how well now, and what became of the sessions due in the period. Counts of people
 * under {@link SmallCohorts#MINIMUM} are suppressed for everyone but lxp-admin, as every figure in the suite is.
 */
@ApplicationScoped
public class SupervisionFigures {

    public static final int DEFAULT_DAYS = 90;
    public static final String PUBLISHED_PERIOD = "last-90-days";

    @Schema(name = "SupervisionFiguresScopeLevel")
    public enum Level { ORGANISATION, ICB, NATIONAL }

    @Schema(name = "SupervisionFiguresScope", description = "Whose figures: one organisation, an ICB's members, or England")
    public record Scope(Level level, @Schema(nullable = true, example = "RGD") String code) {
    }

    @Schema(name = "SessionFigures", description = "Supervision sessions due in the period (mentoring apart) and what became of them")
    public record Sessions(@Schema(example = "120") int recorded, @Schema(example = "96") int held,
            @Schema(example = "6") int cancelledBySupervisor, @Schema(example = "7") int cancelledBySupervisee,
            @Schema(example = "3") int cancelledByService, @Schema(example = "8") int missed,
            @Schema(nullable = true, example = "0.800") BigDecimal heldRate,
            @Schema(nullable = true, example = "0.133") BigDecimal cancelledRate,
            @Schema(nullable = true, example = "0.067") BigDecimal missedRate) {
    }

    @Schema(name = "TrainingFigures", description = "The training programme: trainees who finished in the period, and mentoring"
            + " sessions due in it. Suppressed when fewer than 5 trainees were in a cohort running in the period.")
    public record Training(boolean suppressed, @Schema(nullable = true, example = "11") Integer trainees,
            @Schema(nullable = true, example = "9") Integer completed, @Schema(nullable = true, example = "1") Integer withdrawn,
            @Schema(nullable = true, example = "0.900") BigDecimal completionRate,
            @Schema(nullable = true, example = "40") Integer mentoringDue,
            @Schema(nullable = true, example = "34") Integer mentoringHeldOnTime,
            @Schema(nullable = true, example = "0.850") BigDecimal mentoringOnTimeRate) {
    }

    @Schema(name = "SupervisionFigures", description = "Supervision compliance figures of a scope over a period. People are"
            + " counted as they stand on asOf; sessions by the day they were due. No staff reference is ever part of it.")
    public record Figures(Scope scope, LocalDate from, LocalDate to, LocalDate asOf,
            @Schema(description = "When the figures were computed: an ICB's or England's are served for up to 30 seconds"
                    + " (by default) after", example = "2026-12-03T09:15:02.418Z") Instant computedAt, boolean suppressed,
            @Schema(nullable = true, example = "Fewer than 5 people hold LXP posts in this scope") String suppressionReason,
            @Schema(nullable = true, example = "42") Integer supervisees,
            @Schema(nullable = true, example = "35") Integer compliant,
            @Schema(nullable = true, example = "0.833") BigDecimal compliantShare,
            @Schema(nullable = true, example = "4") Integer overdue,
            @Schema(nullable = true, example = "3") Integer unsupervisedPostHolders,
            @Schema(nullable = true, example = "5") Integer overdueAgreements,
            @Schema(nullable = true, example = "30") Integer withLxpSupervisor,
            @Schema(nullable = true, example = "0.714") BigDecimal withLxpSupervisorShare,
            @Schema(nullable = true, example = "21") Integer bySeniorLxp,
            @Schema(nullable = true, example = "0.500") BigDecimal bySeniorLxpShare,
            @Schema(nullable = true) Sessions sessions, Training training) {
    }

    private final EntityManager entityManager;
    private final OrganisationDirectory directory;
    private final Clock clock;

    SupervisionFigures(EntityManager entityManager, OrganisationDirectory directory, Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The figures of a scope over a period, people counted as they stand on {@code today} (England's);
     * {@code seesSmallCohorts} only for lxp-admin.
     */
    public Figures of(Scope scope, LocalDate from, LocalDate to, boolean seesSmallCohorts, LocalDate today) {
        Set<String> organisations = switch (scope.level()) {
            case ORGANISATION -> Set.of(scope.code());
            case ICB -> directory.membersOf(scope.code(), to);
            case NATIONAL -> null;
        };
        return figures(scope, organisations, from, to, seesSmallCohorts, today);
    }

    /**
     * An ICB's or the nation's figures, computed at most once every {@code lxp.figures.cross-organisation-max-age} for
     * the same question ({@link CrossOrganisationFigures}).
     */
    @CacheResult(cacheName = CrossOrganisationFigures.CACHE)
    public Figures acrossOrganisations(Scope scope, LocalDate from, LocalDate to, boolean seesSmallCohorts,
            LocalDate today) {
        if (scope.level() == Level.ORGANISATION) {
            throw new IllegalArgumentException("An organisation's figures are computed afresh on every reading");
        }
        return of(scope, from, to, seesSmallCohorts, today);
    }

    /** What an organisation's figures event carries: the last 90 days, small cohorts suppressed whoever reads it. */
    public Figures publishedFor(String organisation, LocalDate today) {
        return figures(new Scope(Level.ORGANISATION, organisation), Set.of(organisation), today.minusDays(DEFAULT_DAYS - 1),
                today, false, today);
    }

    private Figures figures(Scope scope, Set<String> organisations, LocalDate from, LocalDate to, boolean seesSmallCohorts,
            LocalDate asOf) {
        Instant computedAt = clock.instant();
        if (organisations != null && organisations.isEmpty()) {
            return suppressed(scope, from, to, asOf, computedAt, "No organisation belongs to this ICB on " + to,
                    new Training(true, null, null, null, null, null, null, null));
        }
        People people = people(organisations);
        Training training = training(organisations, from, to, seesSmallCohorts);
        if (people.supervisees() < SmallCohorts.MINIMUM && !seesSmallCohorts) {
            return suppressed(scope, from, to, asOf, computedAt, SmallCohorts.reason("people hold LXP posts in this scope"),
                    training);
        }
        int overdueAgreements = count(organisations, "SELECT count(*) FROM agreement WHERE status = 'ACTIVE'"
                + " AND standing = 'OVERDUE' AND type <> 'MENTORING'", "organisation_code", Map.of());
        return new Figures(scope, from, to, asOf, computedAt, false, null, people.supervisees(), people.compliant(),
                share(people.compliant(), people.supervisees()), people.overdue(), people.unsupervised(), overdueAgreements,
                people.withLxpSupervisor(), share(people.withLxpSupervisor(), people.supervisees()),
                people.bySeniorLxp(), share(people.bySeniorLxp(), people.supervisees()), sessions(organisations, from, to),
                training);
    }

    private static Figures suppressed(Scope scope, LocalDate from, LocalDate to, LocalDate asOf, Instant computedAt,
            String reason, Training training) {
        return new Figures(scope, from, to, asOf, computedAt, true, reason, null, null, null, null, null, null, null, null,
                null, null, null, training);
    }

    private record People(int supervisees, int compliant, int overdue, int unsupervised, int withLxpSupervisor,
            int bySeniorLxp) {
    }

    /**
     * Everyone who holds an LXP post now, how they stand, and who supervises them: an LXP, and one more senior than
     * the most senior post they hold.
     */
    @SuppressWarnings("unchecked")
    private People people(Set<String> organisations) {
        Map<String, String> levelOfHolder = new HashMap<>();
        for (Object[] row : (List<Object[]>) scoped(organisations, "SELECT p.organisation_code, p.holder_staff_reference,"
                + " rp.level FROM post p LEFT JOIN role_profile rp ON rp.id = p.role_profile_id WHERE p.status = 'FILLED'"
                + " AND p.holder_staff_reference IS NOT NULL", "p.organisation_code", Map.of()).getResultList()) {
            levelOfHolder.merge(row[0] + "/" + row[1], row[2] == null ? "" : (String) row[2],
                    (one, other) -> Compliance.moreSenior(other, one) ? other : one);
        }
        Map<String, String> standingOf = new HashMap<>();
        for (Object[] row : (List<Object[]>) scoped(organisations, "SELECT organisation_code, staff_reference, standing"
                + " FROM supervisee WHERE true", "organisation_code", Map.of()).getResultList()) {
            standingOf.put(row[0] + "/" + row[1], (String) row[2]);
        }
        Set<String> withLxp = new HashSet<>();
        Set<String> bySenior = new HashSet<>();
        for (Object[] row : (List<Object[]>) scoped(organisations, "SELECT a.organisation_code,"
                + " a.supervisee_staff_reference, su.lived_experience_level FROM agreement a JOIN supervisor su"
                + " ON su.id = a.supervisor_id WHERE a.status = 'ACTIVE' AND a.type <> 'MENTORING' AND su.lived_experience",
                "a.organisation_code", Map.of()).getResultList()) {
            String person = row[0] + "/" + row[1];
            withLxp.add(person);
            if (Compliance.moreSenior((String) row[2], levelOfHolder.get(person))) {
                bySenior.add(person);
            }
        }
        int compliant = 0;
        int overdue = 0;
        int unsupervised = 0;
        for (String holder : levelOfHolder.keySet()) {
            switch (standingOf.getOrDefault(holder, "COMPLIANT")) {
                case "OVERDUE" -> overdue++;
                case "UNSUPERVISED" -> unsupervised++;
                default -> compliant++;
            }
        }
        withLxp.retainAll(levelOfHolder.keySet());
        bySenior.retainAll(levelOfHolder.keySet());
        return new People(levelOfHolder.size(), compliant, overdue, unsupervised, withLxp.size(), bySenior.size());
    }

    /** Supervision sessions (not mentoring) due in the period, by what became of them. */
    @SuppressWarnings("unchecked")
    private Sessions sessions(Set<String> organisations, LocalDate from, LocalDate to) {
        int held = 0;
        int missed = 0;
        Map<String, Integer> cancelledBy = new HashMap<>();
        for (Object[] row : (List<Object[]>) scoped(organisations, "SELECT status, cancelled_by, count(*) FROM"
                + " supervision_session WHERE type <> 'MENTORING' AND status IN ('HELD', 'CANCELLED', 'MISSED')"
                + " AND occurrence >= :from AND occurrence < :to", "organisation_code",
                Map.of("from", from.atStartOfDay(), "to", to.plusDays(1).atStartOfDay()), " GROUP BY status, cancelled_by")
                .getResultList()) {
            int count = ((Number) row[2]).intValue();
            switch ((String) row[0]) {
                case "HELD" -> held += count;
                case "MISSED" -> missed += count;
                default -> cancelledBy.merge((String) row[1], count, Integer::sum);
            }
        }
        int cancelled = cancelledBy.values().stream().mapToInt(Integer::intValue).sum();
        int recorded = held + cancelled + missed;
        return new Sessions(recorded, held, cancelledBy.getOrDefault("SUPERVISOR", 0),
                cancelledBy.getOrDefault("SUPERVISEE", 0), cancelledBy.getOrDefault("SERVICE", 0), missed,
                share(held, recorded), share(cancelled, recorded), share(missed, recorded));
    }

    /**
     * Trainees who completed or withdrew in the period, and the mentoring sessions due in it (up to now) that were
     * held in the week they were due.
     */
    @SuppressWarnings("unchecked")
    private Training training(Set<String> organisations, LocalDate from, LocalDate to, boolean seesSmallCohorts) {
        int trainees = count(organisations, "SELECT count(*) FROM trainee t JOIN training_cohort c ON c.id = t.cohort_id"
                + " WHERE c.start_date <= :to AND c.start_date + 7 * c.weeks > :from", "t.organisation_code",
                Map.of("from", from, "to", to));
        if (trainees < SmallCohorts.MINIMUM && !seesSmallCohorts) {
            return new Training(true, null, null, null, null, null, null, null);
        }
        Object[] finished = (Object[]) scoped(organisations, "SELECT count(*) FILTER (WHERE status = 'COMPLETED'),"
                + " count(*) FILTER (WHERE status = 'WITHDRAWN') FROM trainee WHERE finished_on BETWEEN :from AND :to",
                "organisation_code", Map.of("from", from, "to", to)).getSingleResult();
        int completed = ((Number) finished[0]).intValue();
        int withdrawn = ((Number) finished[1]).intValue();
        LocalDateTime now = LocalDateTime.now(clock.withZone(Today.ENGLAND));
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Object[] mentoring = (Object[]) scoped(organisations, "SELECT count(*), count(*) FILTER (WHERE status = 'HELD'"
                + " AND date_trunc('week', starts_at AT TIME ZONE 'Europe/London') = date_trunc('week', occurrence))"
                + " FROM supervision_session WHERE type = 'MENTORING' AND occurrence >= :from AND occurrence < :to",
                "organisation_code", Map.of("from", from.atStartOfDay(), "to", end.isAfter(now) ? now : end))
                .getSingleResult();
        int due = ((Number) mentoring[0]).intValue();
        int onTime = ((Number) mentoring[1]).intValue();
        return new Training(false, trainees, completed, withdrawn, share(completed, completed + withdrawn), due, onTime,
                share(onTime, due));
    }

    private int count(Set<String> organisations, String sql, String organisationColumn, Map<String, Object> parameters) {
        return ((Number) scoped(organisations, sql, organisationColumn, parameters).getSingleResult()).intValue();
    }

    private Query scoped(Set<String> organisations, String sql, String organisationColumn, Map<String, Object> parameters) {
        return scoped(organisations, sql, organisationColumn, parameters, "");
    }

    /** The query limited to the organisations (all when null), with its parameters, and what follows the condition. */
    private Query scoped(Set<String> organisations, String sql, String organisationColumn, Map<String, Object> parameters,
            String tail) {
        Query query = entityManager.createNativeQuery(sql
                + (organisations == null ? "" : " AND " + organisationColumn + " IN (:organisations)") + tail);
        parameters.forEach(query::setParameter);
        if (organisations != null) {
            query.setParameter("organisations", organisations);
        }
        return query;
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
