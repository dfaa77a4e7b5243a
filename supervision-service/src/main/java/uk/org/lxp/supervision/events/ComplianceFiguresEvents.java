package uk.org.lxp.supervision.events;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.supervision.service.SupervisionFigures;

/**
 * Each organisation's compliance figures over the last 90 days, for ICS dashboards: a compacted topic keyed by
 * organisation and period, so a dashboard reading it from the start gets every organisation's latest figures. It
 * carries counts and shares only, small cohorts suppressed: never a name, an email or a staff reference.
 */
@ApplicationScoped
public class ComplianceFiguresEvents {

    public static final String TOPIC = "lxp.supervision.compliance-figures.v1";
    public static final String REFRESHED = "lxp.supervision.ComplianceFiguresRefreshed";

    private final Outbox outbox;

    ComplianceFiguresEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The key of an organisation's figures over the published period, e.g. {@code RGD:last-90-days}. */
    public static String key(String organisation) {
        return organisation + ":" + SupervisionFigures.PUBLISHED_PERIOD;
    }

    public void record(SupervisionFigures.Figures figures) {
        outbox.record(new OutboxEvent("compliance-figures", key(figures.scope().code()), REFRESHED, TOPIC, figures));
    }
}
