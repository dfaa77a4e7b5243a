package uk.org.lxp.supervision.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.api.Today;
import uk.org.lxp.api.paging.Paging;
import uk.org.lxp.supervision.GroupSession;
import uk.org.lxp.supervision.SessionStatus;

@ApplicationScoped
public class GroupSessionRepository implements PanacheRepositoryBase<GroupSession, UUID> {

    public List<GroupSession> ofGroup(UUID groupId) {
        return list("groupId", Sort.by("occurrence"), groupId);
    }

    public List<GroupSession> ofGroup(UUID groupId, Paging paging) {
        return find("groupId", Sort.by("occurrence").and("id"), groupId).page(Page.of(paging.page(), paging.size())).list();
    }

    public long countOfGroup(UUID groupId) {
        return count("groupId", groupId);
    }

    /**
     * Meetings of an organisation's groups that were to happen and nobody recorded, ended and planned before
     * {@code before} (the end of the grace period for recording them).
     */
    public List<GroupSession> unrecordedBefore(String organisation, Instant before) {
        return list("organisationCode = ?1 and status = ?2 and endsAt < ?3 and plannedAt < ?3", organisation,
                SessionStatus.SCHEDULED, before);
    }

    /** The days (in England) of meetings of the person's groups that have begun and nobody has recorded yet. */
    public List<LocalDate> awaitingRecord(String organisation, String staffReference, Instant now) {
        return getEntityManager().createQuery("select s.startsAt from GroupSession s where s.status = :scheduled"
                        + " and s.startsAt <= :now and s.groupId in (select g.id from ReflectiveGroup g join g.members m"
                        + " where g.organisationCode = :organisation and m.staffReference = :person)", Instant.class)
                .setParameter("scheduled", SessionStatus.SCHEDULED).setParameter("now", now)
                .setParameter("organisation", organisation).setParameter("person", staffReference).getResultStream()
                .map(start -> LocalDate.ofInstant(start, Today.ENGLAND)).toList();
    }

    /** The last day the person attended a meeting of one of their organisation's groups. */
    public Optional<LocalDate> lastAttended(String organisation, String staffReference) {
        return getEntityManager().createQuery("select max(s.startsAt) from GroupSession s join s.attendance a"
                        + " where s.organisationCode = :organisation and s.status = :held and a.staffReference = :person"
                        + " and a.attended = true", Instant.class)
                .setParameter("organisation", organisation).setParameter("held", SessionStatus.HELD)
                .setParameter("person", staffReference).getResultStream().filter(start -> start != null).findFirst()
                .map(start -> LocalDate.ofInstant(start, Today.ENGLAND));
    }

    /**
     * The meetings that occupy a person's time (scheduled or held) starting between two instants: those they
     * facilitate and those of the groups they belong to.
     */
    public List<GroupSession> bookedFor(Optional<UUID> asFacilitator, String organisation, String staffReference,
            Instant from, Instant to) {
        return getEntityManager().createQuery("select s from GroupSession s where s.status in :busy and s.startsAt >= :from"
                        + " and s.startsAt < :to and (s.facilitatorId = :facilitator or s.groupId in (select g.id from"
                        + " ReflectiveGroup g join g.members m where g.organisationCode = :organisation"
                        + " and m.staffReference = :person))", GroupSession.class)
                .setParameter("busy", List.of(SessionStatus.SCHEDULED, SessionStatus.HELD)).setParameter("from", from)
                .setParameter("to", to).setParameter("facilitator", asFacilitator.orElse(new UUID(0, 0)))
                .setParameter("organisation", organisation).setParameter("person", staffReference).getResultList();
    }
}
