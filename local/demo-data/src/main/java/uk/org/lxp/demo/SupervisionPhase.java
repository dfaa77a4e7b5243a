package uk.org.lxp.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.lxp.demo.Establishment.Post;

/**
 * Each trust's HR system registers its senior LXPs as supervisors and agrees fortnightly lived experience
 * supervision for the other post holders, begun some months ago, as far as the supervisors' capacity goes (the
 * rest are left without, as in many trusts); then records what became of the sessions so far: mostly held, some
 * cancelled (most often by the service), a few missed, a few not yet recorded. Only people without an active
 * agreement get one, so a second load makes no agreement; it records the sessions that have passed since.
 */
final class SupervisionPhase {

    /** Profiles whose holders supervise: senior, coordinating and leading LXP roles. */
    static final Set<String> SUPERVISING_PROFILES = Set.of("senior-peer-support-worker", "peer-support-coordinator",
            "peer-support-lead", "rgd-lived-experience-lead", "co-production-lead", "lived-experience-consultant",
            "rxv-associate-director-of-lived-experience");
    static final int CAPACITY = 6;
    static final int WEEKS_UNDER_WAY = 16;

    private static final String SUPERVISORS = "/api/v1/supervisors/bulk";
    private static final String AGREEMENTS = "/api/v1/supervision-agreements";
    private static final String OUTCOMES = "/api/v1/sessions/outcomes/bulk";
    private static final String UNKNOWN_REFERENCE = "/problems/unknown-reference";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<String> TIMES = List.of("10:00", "11:30", "14:00", "15:30");

    record Result(DemoSummary.Count supervisors, DemoSummary.Count agreements, DemoSummary.Count sessionOutcomes) {
    }

    /** supervision-service's SupervisorRequest, AgreementRequest and its cadence, and a session outcome. */
    record SupervisorItem(String organisationCode, String staffReference, boolean livedExperience, int maxSupervisees) {
    }

    record Cadence(String rule, LocalDate firstDay, String time, int durationMinutes) {
    }

    record AgreementItem(String organisationCode, String superviseeStaffReference, String supervisorId, String type,
            Cadence cadence, int minimumEveryDays) {
    }

    record Outcome(String status, String cancelledBy, String cancellationReason) {
    }

    record SessionOutcome(String sessionId, Outcome outcome) {
    }

    private final GatewayCalls calls;
    private final Consumer<String> progress;
    private final Duration timeout;
    private final LocalDate today;

    SupervisionPhase(GatewayCalls calls, Consumer<String> progress, Duration timeout, LocalDate today) {
        this.calls = calls;
        this.progress = progress;
        this.timeout = timeout;
        this.today = today;
    }

    static LocalDate todayInEngland() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    Result run(List<Establishment> establishments) {
        Tally supervisors = new Tally();
        Tally agreements = new Tally();
        Tally outcomes = new Tally();
        int supervisorTotal = 0;
        int agreementTotal = 0;
        int outcomeTotal = 0;
        for (Establishment establishment : establishments) {
            List<String> seniors = holders(establishment, true);
            if (seniors.isEmpty()) {
                continue;
            }
            GatewayCalls.Caller hr = calls.as(DemoClients.hrIntegration(establishment.organisation()));
            List<String> supervisorIds = registerSupervisors(hr, establishment.organisation(), seniors, supervisors);
            int made = agree(hr, establishment.organisation(), holders(establishment, false), supervisorIds, agreements);
            int recorded = recordPastSessions(hr, establishment.organisation(), outcomes);
            supervisorTotal += seniors.size();
            agreementTotal += made;
            outcomeTotal += recorded;
            progress.accept(establishment.organisation() + ": " + seniors.size() + " supervisors, " + made
                    + " new supervision agreements, " + recorded + " session outcomes recorded");
        }
        Result result = new Result(supervisors.of(supervisorTotal), agreements.of(agreementTotal), outcomes.of(outcomeTotal));
        progress.accept("supervisors: " + result.supervisors());
        progress.accept("supervision agreements: " + result.agreements());
        progress.accept("session outcomes: " + result.sessionOutcomes());
        return result;
    }

    /** The staff references of the trust's post holders who supervise, or of those who are supervised. */
    static List<String> holders(Establishment establishment, boolean supervising) {
        return establishment.posts().stream().filter(post -> "FILLED".equals(post.status()))
                .filter(post -> SUPERVISING_PROFILES.contains(post.profileKey()) == supervising)
                .map(Post::holderStaffReference).toList();
    }

    private List<String> registerSupervisors(GatewayCalls.Caller hr, String organisation, List<String> seniors,
            Tally tally) {
        Map<String, Object> body = Map.of("supervisors", seniors.stream()
                .map(reference -> new SupervisorItem(organisation, reference, true, CAPACITY)).toList());
        GatewayCalls.Reply reply = hr.post(SUPERVISORS, body, Map.of("Idempotency-Key", calls.idempotencyKey("supervisors", body)));
        if (!reply.replayed()) {
            tally.created(reply.body().path("registered").asInt());
            tally.changed(reply.body().path("changed").asInt());
        }
        List<String> ids = new ArrayList<>();
        reply.body().path("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /**
     * Gives each supervised holder without an active agreement a supervisor with room, in turn, fortnightly on a
     * weekday and time of their own, begun {@link #WEEKS_UNDER_WAY} weeks ago.
     */
    private int agree(GatewayCalls.Caller hr, String organisation, List<String> supervisees, List<String> supervisorIds,
            Tally tally) {
        Map<String, Integer> supervised = new HashMap<>();
        Set<String> agreed = new HashSet<>();
        for (JsonNode agreement : hr.allPages(AGREEMENTS + "?organisation=" + organisation + "&status=ACTIVE")) {
            agreed.add(agreement.path("superviseeStaffReference").asText());
            supervised.merge(agreement.path("supervisorId").asText(), 1, Integer::sum);
        }
        LocalDate monday = today.minusWeeks(WEEKS_UNDER_WAY).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<AgreementItem> items = new ArrayList<>();
        for (int i = 0; i < supervisees.size(); i++) {
            String supervisee = supervisees.get(i);
            String supervisor = supervisorIds.get(i % supervisorIds.size());
            if (agreed.contains(supervisee) || supervised.getOrDefault(supervisor, 0) >= CAPACITY) {
                continue;
            }
            supervised.merge(supervisor, 1, Integer::sum);
            DayOfWeek day = DAYS.get(i % DAYS.size());
            items.add(new AgreementItem(organisation, supervisee, supervisor, "LIVED_EXPERIENCE_PROFESSIONAL",
                    new Cadence("FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day.name().substring(0, 2), monday.with(
                            TemporalAdjusters.nextOrSame(day)), TIMES.get(i / DAYS.size() % TIMES.size()), 60), 28));
        }
        if (items.isEmpty()) {
            return 0;
        }
        Map<String, Object> body = Map.of("agreements", items);
        Map<String, String> headers = Map.of("Idempotency-Key", calls.idempotencyKey("agreements", body));
        Deadline deadline = Deadline.after(timeout);
        GatewayCalls.Reply reply = hr.post(AGREEMENTS + "/bulk", body, headers, 422);
        if (refusedForUnknownSupervisees(reply)) {
            progress.accept(organisation + ": waiting for supervision-service to learn its post holders");
        }
        while (refusedForUnknownSupervisees(reply) && !deadline.hasPassed()) {
            Deadline.pause(RETRY_PAUSE);
            reply = hr.post(AGREEMENTS + "/bulk", body, headers, 422);
        }
        if (reply.status() == 422) {
            throw hr.failure("POST", AGREEMENTS + "/bulk", reply);
        }
        tally.created(items.size());
        return items.size();
    }

    private static boolean refusedForUnknownSupervisees(GatewayCalls.Reply reply) {
        return reply.status() == 422 && UNKNOWN_REFERENCE.equals(reply.body().path("type").asText());
    }

    /** What became of the sessions before today still shown as scheduled, decided by each session's own dice. */
    private int recordPastSessions(GatewayCalls.Caller hr, String organisation, Tally tally) {
        List<SessionOutcome> outcomes = new ArrayList<>();
        for (JsonNode session : hr.allPages("/api/v1/sessions?organisation=" + organisation + "&status=SCHEDULED&to="
                + today.minusDays(1))) {
            String id = session.path("id").asText();
            outcomeOf(new Random(id.hashCode())).ifPresent(outcome -> outcomes.add(new SessionOutcome(id, outcome)));
        }
        if (outcomes.isEmpty()) {
            return 0;
        }
        Map<String, Object> body = Map.of("outcomes", outcomes);
        hr.post(OUTCOMES, body, Map.of("Idempotency-Key", calls.idempotencyKey("session-outcomes", body)));
        tally.created(outcomes.size());
        return outcomes.size();
    }

    /** Mostly held; cancelled about one in eight, most often by the service; a few missed; a few left unrecorded. */
    static Optional<Outcome> outcomeOf(Random dice) {
        int roll = dice.nextInt(100);
        if (roll < 76) {
            return Optional.of(new Outcome("HELD", null, null));
        }
        if (roll < 89) {
            String by = roll < 83 ? "SERVICE" : roll < 86 ? "SUPERVISOR" : "SUPERVISEE";
            String reason = switch (by) {
                case "SERVICE" -> roll % 2 == 0 ? "CLINICAL_OR_SERVICE_PRIORITIES" : "STAFFING";
                case "SUPERVISOR" -> roll % 2 == 0 ? "TRAINING_OR_MEETING_CLASH" : "ANNUAL_LEAVE";
                default -> roll % 2 == 0 ? "OTHER_ABSENCE" : "ANNUAL_LEAVE";
            };
            return Optional.of(new Outcome("CANCELLED", by, reason));
        }
        if (roll < 96) {
            return Optional.of(new Outcome("MISSED", null, null));
        }
        return Optional.empty();
    }
}
