package uk.org.lxp.payequity.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.api.AfterCommit;
import uk.org.lxp.directory.OrganisationChanged;

/**
 * Re-evaluates the parity rules, and republishes the cost-to-close and transparency figures that changed, soon after
 * the data they read changes. A burst of changes (a bulk sync of 5,000
 * posts) asks many times and gets one evaluation.
 */
@ApplicationScoped
public class ParityEvaluationTrigger {

    private static final Logger LOG = Logger.getLogger(ParityEvaluationTrigger.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final ParityFindingService findings;
    private final CostToCloseFiguresPublisher costToCloseFigures;
    private final TransparencyService transparency;
    private final AfterCommit afterCommit;

    ParityEvaluationTrigger(ParityFindingService findings, CostToCloseFiguresPublisher costToCloseFigures,
            TransparencyService transparency, AfterCommit afterCommit) {
        this.findings = findings;
        this.afterCommit = afterCommit;
        this.costToCloseFigures = costToCloseFigures;
        this.transparency = transparency;
    }

    /**
     * Asks for an evaluation; within a transaction, from its commit, so an evaluation that starts meanwhile cannot
     * read the data without the change and then clear the request.
     */
    public void request() {
        afterCommit.run(() -> requested.set(true));
    }

    /** Findings are grouped by ICB: a trust that moves ICB changes them. */
    void onOrganisationChanged(@Observes OrganisationChanged change) {
        request();
    }

    /** Some rules look back from today (twelve months of closed posts) and a new pay year reprices every post. */
    @Scheduled(cron = "0 45 3 * * ?", timeZone = "Europe/London")
    void daily() {
        request();
    }

    @Scheduled(every = "${lxp.parity.evaluation-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluateIfRequested() {
        if (!requested.getAndSet(false)) {
            return;
        }
        try {
            ParityFindingService.Evaluation result = findings.evaluate();
            LOG.infof("Parity rules evaluated: %s", result);
        } catch (RuntimeException e) {
            requested.set(true);
            LOG.errorf(e, "Parity evaluation failed; it will be tried again");
            return;
        }
        try {
            LOG.infof("Figures published for %d organisation(s) on cost to close and %d on transparency",
                    costToCloseFigures.publishChanged(), transparency.publishChanged());
        } catch (RuntimeException e) {
            requested.set(true);
            LOG.errorf(e, "Figures could not be published; they will be tried again");
        }
    }
}
