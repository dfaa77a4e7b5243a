package uk.org.lxp.payequity.events;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.payequity.service.TransparencyService.OrganisationFigures;

/**
 * The transparency view's figures for dashboards: a compacted topic keyed by organisation, each event one organisation's
 * row as the public view shows it (small cohorts suppressed, never a staff or post reference), whether or not the
 * deployment publishes the view itself.
 */
@ApplicationScoped
public class TransparencyEvents {

    public static final String TOPIC = "lxp.pay-equity.transparency.v1";
    public static final String REFRESHED = "lxp.payequity.TransparencyFiguresRefreshed";

    private final Outbox outbox;

    TransparencyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void record(OrganisationFigures figures) {
        outbox.record(new OutboxEvent("transparency-figures", figures.odsCode(), REFRESHED, TOPIC, figures));
    }
}
