package uk.org.lxp.supervision.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.api.BeforeCommit;
import uk.org.lxp.api.Today;
import uk.org.lxp.supervision.events.ComplianceFiguresEvents;

/**
 * Publishes an organisation's compliance figures after its supervision changed, debounced: a change marks the
 * organisation (the first mark stands), and the organisation is published once its mark is
 * {@code lxp.supervision.figures-debounce} old, so a burst of outcomes makes one event. Replicas share the work: each
 * takes marks no other has locked.
 */
@ApplicationScoped
public class FiguresRefresh {

    private static final Logger LOG = Logger.getLogger(FiguresRefresh.class);

    private final EntityManager entityManager;
    private final SupervisionFigures figures;
    private final ComplianceFiguresEvents events;
    private final Clock clock;
    private final Duration debounce;
    private final BeforeCommit beforeCommit;

    FiguresRefresh(EntityManager entityManager, SupervisionFigures figures, ComplianceFiguresEvents events, Clock clock,
            @ConfigProperty(name = "lxp.supervision.figures-debounce") Duration debounce, BeforeCommit beforeCommit) {
        this.entityManager = entityManager;
        this.beforeCommit = beforeCommit;
        this.figures = figures;
        this.events = events;
        this.clock = clock;
        this.debounce = debounce;
    }

    /**
     * Marks an organisation's figures for publishing, in the transaction of the change. A mark being published now is
     * locked: the change waits for it, and marks the organisation again once the publisher has cleared it, so no change
     * is left out of the figures.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String organisation) {
        // The mark is written after Hibernate's flush, on this transaction's session, which must have joined it.
        entityManager.joinTransaction();
        beforeCommit.gather("figures-refresh", organisation, this::mark);
    }

    /**
     * Once per transaction, just before it commits: a consumer applying a poll's events for one trust would otherwise
     * upsert its mark for each, and hold the row from the first to the commit, so another member of the group
     * applying the same trust's events waited for the whole transaction.
     */
    private void mark(SortedSet<String> organisations) {
        Instant now = clock.instant();
        for (String organisation : organisations) {
            entityManager.createNativeQuery("INSERT INTO figures_refresh (organisation_code, requested_at) VALUES (?1, ?2)"
                            + " ON CONFLICT (organisation_code) DO UPDATE SET requested_at = figures_refresh.requested_at")
                    .setParameter(1, organisation).setParameter(2, now).executeUpdate();
        }
    }

    @Scheduled(every = "${lxp.supervision.figures-publish-every}", delayed = "${lxp.supervision.figures-publish-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        Instant settledBefore = clock.instant().minus(debounce);
        List<String> due = QuarkusTransaction.requiringNew().call(() -> settled(settledBefore));
        for (String organisation : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> publish(organisation, settledBefore));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not publish the compliance figures of %s; tried again at the next round", organisation);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> settled(Instant settledBefore) {
        return entityManager.createNativeQuery("SELECT organisation_code FROM figures_refresh WHERE requested_at <= ?1"
                + " ORDER BY requested_at LIMIT 200").setParameter(1, settledBefore).getResultList();
    }

    /** Publishes one organisation's figures and clears its mark, unless another replica has it or has done it. */
    private void publish(String organisation, Instant settledBefore) {
        boolean ours = !entityManager.createNativeQuery("SELECT organisation_code FROM figures_refresh"
                        + " WHERE organisation_code = ?1 AND requested_at <= ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, organisation).setParameter(2, settledBefore).getResultList().isEmpty();
        if (ours) {
            events.record(figures.publishedFor(organisation, Today.in(clock)));
            entityManager.createNativeQuery("DELETE FROM figures_refresh WHERE organisation_code = ?1")
                    .setParameter(1, organisation).executeUpdate();
        }
    }
}
