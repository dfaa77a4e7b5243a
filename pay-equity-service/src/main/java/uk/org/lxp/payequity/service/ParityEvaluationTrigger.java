package uk.org.lxp.payequity.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import uk.org.lxp.api.AfterCommit;
import uk.org.lxp.directory.OrganisationChanged;

/**
 * Re-evaluates the parity rules, and republishes the cost-to-close and transparency figures that changed, soon after
 * the data they read changes. A burst of changes (a bulk sync of 5,000 posts) asks many times and gets one
 * evaluation. The request is kept in memory only, so every start evaluates once: a change committed just before the
 * service last stopped may never have been evaluated.
 */
@ApplicationScoped
public class ParityEvaluationTrigger {

    private static final Logger LOG = Logger.getLogger(ParityEvaluationTrigger.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean stopping;
    private final ParityFindingService findings;
    private final CostToCloseFiguresPublisher costToCloseFigures;
    private final TransparencyService transparency;
    private final AfterCommit afterCommit;
    private final MeterRegistry meters;

    ParityEvaluationTrigger(ParityFindingService findings, CostToCloseFiguresPublisher costToCloseFigures,
            TransparencyService transparency, AfterCommit afterCommit, MeterRegistry meters) {
        this.findings = findings;
        this.afterCommit = afterCommit;
        this.costToCloseFigures = costToCloseFigures;
        this.transparency = transparency;
        this.meters = meters;
    }

    /**
     * Asks for an evaluation; within a transaction, from its commit, so an evaluation that starts meanwhile cannot
     * read the data without the change and then clear the request.
     */
    public void request() {
        afterCommit.run(() -> requested.set(true));
    }

    void onStart(@Observes StartupEvent start) {
        requested.set(true);
    }

    /** An evaluation the stop breaks off is not a failure to report: the next start evaluates again. */
    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
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
            failed("Parity evaluation", e);
            return;
        }
        try {
            LOG.infof("Figures published for %d organisation(s) on cost to close and %d on transparency",
                    costToCloseFigures.publishChanged(), transparency.publishChanged());
            counted("completed");
        } catch (RuntimeException e) {
            requested.set(true);
            failed("Publishing the figures", e);
        }
    }

    private void failed(String what, RuntimeException e) {
        if (stopping) {
            LOG.infof("%s broke off as the service stops; the next start runs it again", what);
            return;
        }
        counted("failed");
        LOG.errorf(e, "%s failed; it will be tried again", what);
    }

    private void counted(String outcome) {
        meters.counter("lxp.parity.evaluations", "outcome", outcome).increment();
    }
}
