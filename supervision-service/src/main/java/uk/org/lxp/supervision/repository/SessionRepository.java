package uk.org.lxp.supervision.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.api.paging.Where;
import uk.org.lxp.supervision.SessionStatus;
import uk.org.lxp.supervision.SupervisionSession;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SupervisionSession, UUID> {

    /**
     * List filters within one organisation; times are a window on the sessions' starts; {@code involving} limits to
     * one person's sessions.
     */
    public record Filter(String organisation, UUID agreementId, String superviseeStaffReference, UUID supervisorId,
            SessionStatus status, Instant from, Instant to, Optional<Involving> involving) {
    }

    public List<SupervisionSession> list(Filter filter, Paging paging) {
        return query(filter).page(Page.of(paging.page(), paging.size())).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    public List<SupervisionSession> ofAgreement(UUID agreementId) {
        return list("agreementId", Sort.by("occurrence"), agreementId);
    }

    /**
     * The sessions that occupy a person's time (scheduled or held) starting between two instants, in either role:
     * as supervisee ({@code organisation}, {@code staffReference}) and, if they are one, as supervisor.
     */
    public List<SupervisionSession> bookedFor(Optional<UUID> asSupervisor, String organisation, String staffReference,
            Instant from, Instant to) {
        Map<String, Object> parameters = new HashMap<>(Map.of("organisation", organisation, "person", staffReference,
                "busy", List.of(SessionStatus.SCHEDULED, SessionStatus.HELD), "from", from, "to", to));
        asSupervisor.ifPresent(id -> parameters.put("supervisor", id));
        String person = "(organisationCode = :organisation and superviseeStaffReference = :person)"
                + (asSupervisor.isPresent() ? " or supervisorId = :supervisor" : "");
        return list("(" + person + ") and status in :busy and startsAt >= :from and startsAt < :to", parameters);
    }

    /**
     * An organisation's sessions that were to happen and nobody recorded, ended and planned before {@code before}
     * (the end of the grace period for recording them).
     */
    public List<SupervisionSession> unrecordedBefore(String organisation, Instant before) {
        return list("organisationCode = ?1 and status = ?2 and endsAt < ?3 and plannedAt < ?3", organisation,
                SessionStatus.SCHEDULED, before);
    }

    /** The last day (in England) a session of the agreement was held and attended. */
    public Optional<LocalDate> lastHeld(UUID agreementId) {
        return getEntityManager().createQuery("select max(s.startsAt) from SupervisionSession s where s.agreementId = :agreement"
                        + " and s.status = :held and s.attended = true", Instant.class)
                .setParameter("agreement", agreementId).setParameter("held", SessionStatus.HELD).getResultStream()
                .filter(start -> start != null).findFirst().map(start -> LocalDate.ofInstant(start, Today.ENGLAND));
    }

    /** The days (in England) of the agreement's sessions that have begun and that nobody has recorded yet. */
    public List<LocalDate> awaitingRecord(UUID agreementId, Instant now) {
        return list("agreementId = ?1 and status = ?2 and startsAt <= ?3", agreementId, SessionStatus.SCHEDULED, now)
                .stream().map(session -> LocalDate.ofInstant(session.startsAt(), Today.ENGLAND)).toList();
    }

    /** Scheduled sessions starting between two instants (e.g. the whole of a day that became a bank holiday). */
    public List<SupervisionSession> scheduledBetween(Instant from, Instant to) {
        return list("status = ?1 and startsAt >= ?2 and startsAt < ?3", Sort.by("startsAt"), SessionStatus.SCHEDULED,
                from, to);
    }

    /** A supervisor's sessions as a calendar shows them, whichever organisation's LXPs: from {@code from} on. */
    public List<SupervisionSession> calendarOfSupervisor(UUID supervisorId, Instant from) {
        return list("supervisorId = ?1 and startsAt >= ?2", Sort.by("startsAt"), supervisorId, from);
    }

    /** A supervisee's sessions as a calendar shows them: from {@code from} on. */
    public List<SupervisionSession> calendarOfSupervisee(String organisation, String staffReference, Instant from) {
        return list("organisationCode = ?1 and superviseeStaffReference = ?2 and startsAt >= ?3", Sort.by("startsAt"),
                organisation, staffReference, from);
    }

    private PanacheQuery<SupervisionSession> query(Filter filter) {
        Where where = new Where()
                .equal("organisationCode", "organisation", filter.organisation())
                .equal("agreementId", "agreement", filter.agreementId())
                .equal("superviseeStaffReference", "supervisee", filter.superviseeStaffReference())
                .equal("supervisorId", "supervisor", filter.supervisorId())
                .equal("status", "status", filter.status())
                .and(filter.from() != null, "startsAt >= :from", filter.from() == null ? Map.of() : Map.of("from", filter.from()))
                .and(filter.to() != null, "startsAt < :to", filter.to() == null ? Map.of() : Map.of("to", filter.to()));
        filter.involving().ifPresent(person -> person.limit(where));
        return find(where.toString(), Sort.by("occurrence").and("id"), where.parameters());
    }
}
