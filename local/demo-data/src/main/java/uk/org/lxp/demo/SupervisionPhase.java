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
 * rest are left without, as in many trusts, and so is the trust's new starter, whom HR has not set up yet); then
 * records what became of the sessions so far: mostly held, some cancelled (most often by the service), a few missed,
 * a few not yet recorded, and every one of the second supervisee's cancelled, so that their supervision falls overdue.
 * The first trust with supervisors also runs a weekly reflective practice group (attendance recorded), a training
 * cohort in week 7 of its programme with a mentor for each trainee, and a cohort that has finished. Only people
 * without an active agreement get one, and groups and cohorts are made only where a trust has none, so a second load
 * makes nothing new; it records the sessions that have passed since.
 */
final class SupervisionPhase {

    /** Profiles whose holders supervise: senior, coordinating and leading LXP roles. */
    static final Set<String> SUPERVISING_PROFILES = Set.of("senior-peer-support-worker", "peer-support-coordinator",
            "peer-support-lead", "rgd-lived-experience-lead", "co-production-lead", "lived-experience-consultant",
            "rxv-associate-director-of-lived-experience");
    static final int CAPACITY = 6;
    static final int MANAGER_CAPACITY = 50;
    static final int WEEKS_UNDER_WAY = 16;

    private static final String SUPERVISORS = "/api/v1/supervisors/bulk";
    private static final String AGREEMENTS = "/api/v1/supervision-agreements";
    private static final String OUTCOMES = "/api/v1/sessions/outcomes/bulk";
    private static final String GROUPS = "/api/v1/reflective-groups";
    private static final String COHORTS = "/api/v1/training-cohorts";
    static final int GROUP_WEEKS_UNDER_WAY = 8;
    static final int GROUP_SIZE = 30;
    static final Set<String> GROUP_TYPES = Set.of("GROUP", "REFLECTIVE_PRACTICE");
    static final int TRAINEES = 6;
    static final int CURRENT_WEEK = 7;
    static final List<String> CURRICULUM = List.of("Introduction to peer support", "Using your lived experience safely",
            "Recovery and hope", "Boundaries and self-care", "Trauma-informed practice", "Working in a team",
            "Co-production", "Reflective practice and supervision");
    private static final String UNKNOWN_REFERENCE = "/problems/unknown-reference";
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final List<DayOfWeek> DAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<String> TIMES = List.of("10:00", "11:30", "14:00", "15:30");

    record Result(DemoSummary.Count supervisors, DemoSummary.Count agreements, DemoSummary.Count sessionOutcomes) {
    }

    /** supervision-service's SupervisorRequest, AgreementRequest and its cadence, and a session outcome. */
    record SupervisorItem(String organisationCode, String staffReference, boolean livedExperience, String lxpFamily,
            String lxpLevel, int maxSupervisees) {
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

    /** supervision-service's ReflectiveGroupRequest, MeetingOutcome, TrainingCohortRequest and TraineeRequest. */
    record GroupItem(String organisationCode, String name, String facilitatorId, Cadence cadence, List<String> members) {
    }

    record MeetingOutcome(String status, List<String> attended) {
    }

    record Module(String name, int plannedWeek) {
    }

    record CohortItem(String organisationCode, String name, LocalDate startDate, int weeks, List<Module> modules) {
    }

    record Mentoring(String mentorId, String rule, String time, int durationMinutes) {
    }

    record TraineeItem(String traineeReference, Mentoring mentoring) {
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

    /** {@code catalogue}: the roles of the posts, whose LXP family and level each supervisor registers with. */
    Result run(List<Establishment> establishments, RoleCatalogue catalogue) {
        Tally supervisors = new Tally();
        Tally agreements = new Tally();
        Tally outcomes = new Tally();
        int supervisorTotal = 0;
        int agreementTotal = 0;
        int outcomeTotal = 0;
        boolean programmeRun = false;
        for (Establishment establishment : establishments) {
            List<String> seniors = holders(establishment, true);
            if (seniors.isEmpty()) {
                continue;
            }
            GatewayCalls.Caller hr = calls.as(DemoClients.hrIntegration(establishment.organisation()));
            String organisation = establishment.organisation();
            Map<String, RoleCatalogue.Content> roles = new HashMap<>();
            catalogue.profiles().forEach(profile -> roles.put(profile.key(), profile.profile()));
            List<String> supervisorIds = registerSupervisors(hr, organisation, supervisingPosts(establishment), roles,
                    supervisors);
            Managers managers = registerManagers(hr, organisation, supervisors);
            List<String> supervisees = holders(establishment, false);
            Map<String, Set<String>> requiredOf = new HashMap<>();
            heldPosts(establishment).forEach(post -> requiredOf.computeIfAbsent(post.holderStaffReference(),
                    holder -> new HashSet<>()).addAll(roles.get(post.profileKey()).supervisionRequirements().stream()
                    .map(RoleCatalogue.Supervision::type).toList()));
            int made = agree(hr, organisation, supervisees, seniors, supervisorIds, managers, requiredOf, agreements);
            List<String> everyone = new ArrayList<>(supervisees);
            everyone.addAll(seniors.subList(1, seniors.size()));
            reflectivePractice(hr, organisation, supervisorIds.get(0), everyone.stream()
                    .filter(holder -> requiredOf.getOrDefault(holder, Set.of()).stream().anyMatch(GROUP_TYPES::contains))
                    .limit(GROUP_SIZE).toList());
            if (!programmeRun && supervisees.size() >= TRAINEES) {
                trainingProgramme(hr, organisation, supervisorIds);
                programmeRun = true;
            }
            int recorded = recordPastSessions(hr, organisation, supervisees.size() < 2 ? null : supervisees.get(1),
                    outcomes);
            supervisorTotal += seniors.size() + 2;
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

    /**
     * The staff references of the trust's post holders who supervise, or of those who are supervised (but for a new
     * starter, whom HR has not set up with supervision yet).
     */
    static List<String> holders(Establishment establishment, boolean supervising) {
        return establishment.posts().stream().filter(post -> "FILLED".equals(post.status()))
                .filter(post -> SUPERVISING_PROFILES.contains(post.profileKey()) == supervising)
                .filter(post -> supervising || !post.heldByNewStarter())
                .map(Post::holderStaffReference).toList();
    }

    /**
     * A weekly reflective practice group of the trust's post holders whose roles ask for group supervision,
     * facilitated by its first supervisor, begun {@link #GROUP_WEEKS_UNDER_WAY} weeks ago, with each past meeting's
     * attendance recorded: most members come to most meetings.
     */
    private void reflectivePractice(GatewayCalls.Caller hr, String organisation, String facilitatorId,
            List<String> members) {
        if (members.isEmpty() || !hr.allPages(GROUPS + "?organisation=" + organisation).isEmpty()) {
            return;
        }
        LocalDate firstDay = today.minusWeeks(GROUP_WEEKS_UNDER_WAY).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        GatewayCalls.Reply formed = hr.post(GROUPS, new GroupItem(organisation, "Peer support team reflective practice",
                facilitatorId, new Cadence("FREQ=WEEKLY;BYDAY=WE", firstDay, "12:00", 90), members), Map.of());
        String groupId = formed.body().path("id").asText();
        int recorded = 0;
        for (JsonNode meeting : hr.allPages(GROUPS + "/" + groupId + "/meetings")) {
            if (!"SCHEDULED".equals(meeting.path("status").asText())
                    || !LocalDate.parse(meeting.path("occurrence").asText().substring(0, 10)).isBefore(today)) {
                continue;
            }
            Random dice = new Random(meeting.path("id").asText().hashCode());
            List<String> attended = members.stream().filter(member -> dice.nextInt(100) < 80).toList();
            hr.post(GROUPS + "/" + groupId + "/meetings/" + meeting.path("id").asText() + "/outcome",
                    new MeetingOutcome("HELD", attended), Map.of("If-Match", "\"" + meeting.path("version").asInt() + "\""));
            recorded++;
        }
        progress.accept(organisation + ": a reflective practice group of " + members.size() + " with " + recorded
                + " meetings' attendance recorded");
    }

    /**
     * Two cohorts of the 12-week training programme: one in its 7th week, each trainee mentored weekly by one of the
     * trust's supervisors in turn, with the modules so far attended; and one that finished three weeks ago (it began
     * nine weeks before the other), all completed but one who withdrew.
     */
    private void trainingProgramme(GatewayCalls.Caller hr, String organisation, List<String> mentorIds) {
        if (!hr.allPages(COHORTS + "?organisation=" + organisation).isEmpty()) {
            return;
        }
        LocalDate running = today.minusWeeks(CURRENT_WEEK - 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String runningId = cohort(hr, organisation, "Peer support worker training, current cohort", running);
        for (int i = 0; i < TRAINEES; i++) {
            JsonNode trainee = hr.post(COHORTS + "/" + runningId + "/trainees", new TraineeItem(
                    "T-%s-%04d".formatted(organisation, 100 + i), new Mentoring(mentorIds.get(i % mentorIds.size()),
                            "FREQ=WEEKLY;BYDAY=TH", TIMES.get(i % TIMES.size()), 45)), Map.of()).body();
            List<Map<String, Object>> attended = new ArrayList<>();
            for (int position = 1; position <= CURRICULUM.size() && plannedWeek(position) <= CURRENT_WEEK; position++) {
                attended.add(Map.of("position", position, "attended", (i + position) % 7 != 0));
            }
            hr.post(COHORTS + "/" + runningId + "/trainees/" + trainee.path("id").asText() + "/attendance",
                    Map.of("modules", attended), Map.of("If-Match", "\"" + trainee.path("version").asInt() + "\""));
        }
        String finishedId = cohort(hr, organisation, "Peer support worker training, previous cohort",
                running.minusWeeks(9));
        for (int i = 0; i < TRAINEES; i++) {
            JsonNode trainee = hr.post(COHORTS + "/" + finishedId + "/trainees",
                    new TraineeItem("T-%s-%04d".formatted(organisation, i), null), Map.of()).body();
            String path = COHORTS + "/" + finishedId + "/trainees/" + trainee.path("id").asText();
            Map<String, String> ifMatch = Map.of("If-Match", "\"" + trainee.path("version").asInt() + "\"");
            if (i == TRAINEES - 1) {
                hr.post(path + "/withdrawal", Map.of("reason", "TOOK_OTHER_EMPLOYMENT"), ifMatch);
            } else {
                hr.postEmpty(path + "/completion", ifMatch.get("If-Match"));
            }
        }
        progress.accept(organisation + ": a training cohort in week 7 with " + TRAINEES + " mentored trainees, and a"
                + " finished one");
    }

    /** The curriculum spread over the 12 weeks: weeks 1, 2, 4, 5, 7, 8, 10 and 11. */
    private static int plannedWeek(int position) {
        return 1 + (position - 1) * 3 / 2;
    }

    private String cohort(GatewayCalls.Caller hr, String organisation, String name, LocalDate start) {
        List<Module> modules = new ArrayList<>();
        for (int position = 1; position <= CURRICULUM.size(); position++) {
            modules.add(new Module(CURRICULUM.get(position - 1), plannedWeek(position)));
        }
        return hr.post(COHORTS, new CohortItem(organisation, name, start, 12, modules), Map.of()).body().path("id").asText();
    }

    private static List<Post> supervisingPosts(Establishment establishment) {
        return establishment.posts().stream().filter(post -> "FILLED".equals(post.status()))
                .filter(post -> SUPERVISING_PROFILES.contains(post.profileKey())).toList();
    }

    /** The filled posts but the new starter's. */
    private static List<Post> heldPosts(Establishment establishment) {
        return establishment.posts().stream().filter(post -> "FILLED".equals(post.status()))
                .filter(post -> !post.heldByNewStarter()).toList();
    }

    /** The trust's team manager (line management) and clinical supervisor (case supervision): not LXPs. */
    record Managers(String lineManagerId, String clinicalSupervisorId) {
    }

    private Managers registerManagers(GatewayCalls.Caller hr, String organisation, Tally tally) {
        List<String> ids = register(hr, List.of(
                new SupervisorItem(organisation, "E-%s-00001".formatted(organisation), false, null, null, MANAGER_CAPACITY),
                new SupervisorItem(organisation, "E-%s-00002".formatted(organisation), false, null, null, MANAGER_CAPACITY)),
                tally);
        return new Managers(ids.get(0), ids.get(1));
    }

    /** Each supervisor as an LXP of their post's role family and level. */
    private List<String> registerSupervisors(GatewayCalls.Caller hr, String organisation, List<Post> seniors,
            Map<String, RoleCatalogue.Content> roles, Tally tally) {
        return register(hr, seniors.stream().map(post -> new SupervisorItem(organisation, post.holderStaffReference(),
                true, roles.get(post.profileKey()).family(), roles.get(post.profileKey()).level(), CAPACITY)).toList(),
                tally);
    }

    private List<String> register(GatewayCalls.Caller hr, List<SupervisorItem> items, Tally tally) {
        Map<String, Object> body = Map.of("supervisors", items);
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
     * Gives each supervised holder without an active agreement of the kind: lived experience supervision from an LXP
     * supervisor with room, in turn, fortnightly on a weekday and time of their own; line management from the team
     * manager every four weeks, and case supervision from the clinical supervisor fortnightly, where their role asks
     * for them. All begun {@link #WEEKS_UNDER_WAY} weeks ago.
     */
    private int agree(GatewayCalls.Caller hr, String organisation, List<String> supervisees, List<String> seniors,
            List<String> supervisorIds, Managers managers, Map<String, Set<String>> requiredOf, Tally tally) {
        Map<String, Integer> supervised = new HashMap<>();
        Set<String> agreed = new HashSet<>();
        for (JsonNode agreement : hr.allPages(AGREEMENTS + "?organisation=" + organisation + "&status=ACTIVE")) {
            agreed.add(agreement.path("superviseeStaffReference").asText() + "/" + agreement.path("type").asText());
            supervised.merge(agreement.path("supervisorId").asText(), 1, Integer::sum);
        }
        LocalDate monday = today.minusWeeks(WEEKS_UNDER_WAY).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<AgreementItem> items = new ArrayList<>();
        // Senior LXPs are supervised first: by the next senior in turn (where there is another), and line managed.
        for (int j = 0; j < seniors.size(); j++) {
            String senior = seniors.get(j);
            String peer = supervisorIds.get((j + 1) % supervisorIds.size());
            DayOfWeek day = DAYS.get((j + 3) % DAYS.size());
            if (seniors.size() > 1 && !agreed.contains(senior + "/LIVED_EXPERIENCE_PROFESSIONAL")
                    && supervised.getOrDefault(peer, 0) < CAPACITY) {
                supervised.merge(peer, 1, Integer::sum);
                items.add(new AgreementItem(organisation, senior, peer, "LIVED_EXPERIENCE_PROFESSIONAL",
                        cadence(4, day, monday.plusWeeks(j % 4), "16:00", 60), 42));
            }
            if (requiredOf.getOrDefault(senior, Set.of()).contains("LINE_MANAGEMENT")
                    && !agreed.contains(senior + "/LINE_MANAGEMENT")) {
                items.add(new AgreementItem(organisation, senior, managers.lineManagerId(), "LINE_MANAGEMENT",
                        cadence(4, day, monday.plusWeeks((j + 2) % 4), "09:00", 45), 42));
            }
        }
        for (int i = 0; i < supervisees.size(); i++) {
            String supervisee = supervisees.get(i);
            String supervisor = supervisorIds.get(i % supervisorIds.size());
            Set<String> required = requiredOf.getOrDefault(supervisee, Set.of());
            DayOfWeek day = DAYS.get(i % DAYS.size());
            DayOfWeek otherDay = DAYS.get((i + 2) % DAYS.size());
            String time = TIMES.get(i / DAYS.size() % TIMES.size());
            if (!agreed.contains(supervisee + "/LIVED_EXPERIENCE_PROFESSIONAL")
                    && supervised.getOrDefault(supervisor, 0) < CAPACITY) {
                supervised.merge(supervisor, 1, Integer::sum);
                items.add(new AgreementItem(organisation, supervisee, supervisor, "LIVED_EXPERIENCE_PROFESSIONAL",
                        cadence(2, day, monday, time, 60), 28));
            }
            if (required.contains("LINE_MANAGEMENT") && !agreed.contains(supervisee + "/LINE_MANAGEMENT")) {
                items.add(new AgreementItem(organisation, supervisee, managers.lineManagerId(), "LINE_MANAGEMENT",
                        cadence(4, otherDay, monday.plusWeeks(i % 4), TIMES.get((i + 1) % TIMES.size()), 45), 42));
            }
            if (required.contains("CASE") && !agreed.contains(supervisee + "/CLINICAL_OR_CASE")) {
                items.add(new AgreementItem(organisation, supervisee, managers.clinicalSupervisorId(), "CLINICAL_OR_CASE",
                        cadence(2, otherDay, monday.plusWeeks(1), TIMES.get((i + 2) % TIMES.size()), 45), 14));
            }
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

    /** Every {@code weeks} weeks on a weekday, from the first such day from {@code from}. */
    private static Cadence cadence(int weeks, DayOfWeek day, LocalDate from, String time, int minutes) {
        return new Cadence("FREQ=WEEKLY;INTERVAL=" + weeks + ";BYDAY=" + day.name().substring(0, 2),
                from.with(TemporalAdjusters.nextOrSame(day)), time, minutes);
    }

    private static boolean refusedForUnknownSupervisees(GatewayCalls.Reply reply) {
        return reply.status() == 422 && UNKNOWN_REFERENCE.equals(reply.body().path("type").asText());
    }

    /**
     * What became of the sessions before today still shown as scheduled, decided by each session's own dice; every
     * session of {@code overdue} was cancelled by them.
     */
    private int recordPastSessions(GatewayCalls.Caller hr, String organisation, String overdue, Tally tally) {
        List<SessionOutcome> outcomes = new ArrayList<>();
        for (JsonNode session : hr.allPages("/api/v1/sessions?organisation=" + organisation + "&status=SCHEDULED&to="
                + today.minusDays(1))) {
            String id = session.path("id").asText();
            if (session.path("superviseeStaffReference").asText().equals(overdue)) {
                outcomes.add(new SessionOutcome(id, new Outcome("CANCELLED", "SUPERVISEE", "OTHER_ABSENCE")));
            } else {
                outcomeOf(new Random(id.hashCode())).ifPresent(outcome -> outcomes.add(new SessionOutcome(id, outcome)));
            }
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
