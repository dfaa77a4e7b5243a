package uk.org.lxp.supervision.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * The daily planning job ({@code lxp.supervision.plan-ahead-cron}, Europe/London): agreements' sessions, then
 * reflective practice groups' meetings, up to the horizon. One after the other, so that each sees what the other
 * placed and nobody is booked twice.
 */
@ApplicationScoped
class PlanAhead {

    private final SessionPlanning sessions;
    private final ReflectiveGroupService groups;

    PlanAhead(SessionPlanning sessions, ReflectiveGroupService groups) {
        this.sessions = sessions;
        this.groups = groups;
    }

    @Scheduled(cron = "${lxp.supervision.plan-ahead-cron}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        sessions.extendHorizon();
        groups.extendHorizon();
    }
}
