package uk.org.lxp.payequity.events;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import uk.org.lxp.events.outbox.Outbox;
import uk.org.lxp.events.outbox.OutboxEvent;
import uk.org.lxp.payequity.service.CostToCloseService.OrganisationFigures;

/**
 * Each organisation's cost to close for ICS dashboards: a compacted topic keyed by organisation and pay year, so a
 * dashboard reading it from the start gets every organisation's latest figures. Totals by target, family and level,
 * fewer than 5 posts suppressed: never a post reference, a name or a staff reference.
 */
@ApplicationScoped
public class CostToCloseFiguresEvents {

    public static final String TOPIC = "lxp.pay-equity.cost-to-close-figures.v1";
    public static final String REFRESHED = "lxp.payequity.CostToCloseFiguresRefreshed";

    private final Outbox outbox;

    CostToCloseFiguresEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What the event carries: each target costed at its entry point with the configured employer on-costs. */
    public record CostToCloseFigures(String organisationCode, String payYear, BigDecimal employerOnCostsPercent,
            List<OrganisationFigures> targets) {
    }

    /** The key of an organisation's figures for a pay year, e.g. {@code RGD:2026-27}. */
    public static String key(CostToCloseFigures figures) {
        return figures.organisationCode() + ":" + figures.payYear();
    }

    public void record(CostToCloseFigures figures) {
        outbox.record(new OutboxEvent("cost-to-close-figures", key(figures), REFRESHED, TOPIC, figures));
    }
}
