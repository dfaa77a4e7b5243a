package uk.org.lxp.payequity.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.lxp.api.Today;
import uk.org.lxp.payequity.CostToClose.Target;
import uk.org.lxp.payequity.PayYear;
import uk.org.lxp.payequity.events.CostToCloseFiguresEvents;
import uk.org.lxp.payequity.events.CostToCloseFiguresEvents.CostToCloseFigures;
import uk.org.lxp.payequity.service.CostToCloseService.OrganisationFigures;

/**
 * Publishes each organisation's cost to close for the current pay year after the data behind it changed: every
 * target is costed nationally in one pass, and an organisation is published only when its figures differ from what
 * it was last published with. One run at a time across replicas, in one transaction.
 */
@ApplicationScoped
public class CostToCloseFiguresPublisher {

    private static final Logger LOG = Logger.getLogger(CostToCloseFiguresPublisher.class);
    /** "LXPCOSTS" */
    private static final long PUBLISH_LOCK = 0x4C5850434F535453L;

    private final CostToCloseService costs;
    private final CostToCloseFiguresEvents events;
    private final PublishedFigures publishedFigures;
    private final EntityManager entities;
    private final Clock clock;

    CostToCloseFiguresPublisher(CostToCloseService costs, CostToCloseFiguresEvents events,
            PublishedFigures publishedFigures, EntityManager entities, Clock clock) {
        this.costs = costs;
        this.events = events;
        this.publishedFigures = publishedFigures;
        this.entities = entities;
        this.clock = clock;
    }

    /** Publishes the organisations whose figures changed; says how many. */
    public int publishChanged() {
        PayYear year = PayYear.containing(Today.in(clock));
        if (!costs.hasScale(year)) {
            LOG.warnf("No pay scale for %s yet: cost-to-close figures wait for it", year);
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            // One run at a time across replicas, reading and publishing under the one lock: a run that read older data
            // can never publish after one that read newer.
            entities.createNativeQuery("SELECT pg_advisory_xact_lock(" + PUBLISH_LOCK + ")").getSingleResult();
            int published = 0;
            for (var organisation : figures(year).entrySet()) {
                CostToCloseFigures figures = new CostToCloseFigures(organisation.getKey(), year.toString(),
                        costs.defaultOnCostsPercent(), organisation.getValue());
                if (published(figures)) {
                    published++;
                }
            }
            return published;
        });
    }

    /** Every target's figures by organisation; an organisation published before and without posts now gets zeros. */
    private Map<String, List<OrganisationFigures>> figures(PayYear year) {
        List<String> publishedBefore = publishedFigures.keys(CostToCloseFiguresEvents.TOPIC);
        Map<String, List<OrganisationFigures>> figures = costs.figuresByOrganisation(year);
        publishedBefore.forEach(organisation -> figures.computeIfAbsent(organisation,
                o -> Arrays.stream(Target.values()).map(OrganisationFigures::none).toList()));
        return figures;
    }

    private boolean published(CostToCloseFigures figures) {
        return publishedFigures.publishIfChanged(CostToCloseFiguresEvents.TOPIC, figures.organisationCode(), figures,
                () -> events.record(figures));
    }
}
