package uk.org.lxp.roles.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Every night, published roles whose regular review has fallen due are marked overdue (an event each). */
@ApplicationScoped
public class RoleReviewSchedule {

    private static final Logger LOG = Logger.getLogger(RoleReviewSchedule.class);

    private final RoleProfileService profiles;

    RoleReviewSchedule(RoleProfileService profiles) {
        this.profiles = profiles;
    }

    @Scheduled(cron = "${lxp.roles.review-check-cron}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markOverdueReviews() {
        RoleProfileService.ReviewCheck check = profiles.markReviewsOverdue();
        if (check.markedOverdue() > 0 || check.failed() > 0) {
            LOG.infof("Marked %d role reviews overdue, %d could not be marked", check.markedOverdue(), check.failed());
        }
    }
}
