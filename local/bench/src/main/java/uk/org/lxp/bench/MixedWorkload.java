package uk.org.lxp.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * B7's requests through the gateway, by slot: a trust's HR system (hr-rgd) reading its own people and keeping them in
 * step the way a day's integration does, and its ICS's dashboard (ics-dashboard-qwo) reading the aggregates: 70%
 * reads, 30% writes. The writes change an establishment of {@link #POSTS} posts with their pay and {@link #SUPERVISORS}
 * supervisors, sent once before the run ({@link #seed}), rather than adding to it, so the data the reads cover stays
 * the same size and a minute late in the run does the same work as an early one.
 */
final class MixedWorkload {

    static final String ORGANISATION = "RGD";
    static final String ICB = "QWO";
    static final String HR_CLIENT = "hr-rgd";
    static final String ANALYST_CLIENT = "ics-dashboard-qwo";
    static final int POSTS = 500;
    static final int SUPERVISORS = 50;
    private static final long SEED_DEADLINE_MILLIS = 5 * 60_000;

    enum Kind {
        ORGANISATION_READ("GET /api/v1/organisations/RGD", true),
        POSTS_READ("GET /api/v1/posts?organisation=RGD&size=20", true),
        ROLE_PROFILES_READ("GET /api/v1/role-profiles?owner=RGD", true),
        PAY_RECORDS_READ("GET /api/v1/pay-records?organisation=RGD&size=20", true),
        SUPERVISORS_READ("GET /api/v1/supervisors?organisation=RGD&size=20", true),
        BENCHMARKS_READ("GET /api/v1/benchmarks?icb=QWO (analyst)", true),
        SUPERVISION_FIGURES_READ("GET /api/v1/supervision-figures?icb=QWO (analyst)", true),
        POST_CHANGE("POST /api/v1/posts/bulk (a post changed)", false),
        PAY_CHANGE("POST /api/v1/pay-records/bulk (a post's pay changed)", false),
        SUPERVISOR_CHANGE("POST /api/v1/supervisors/bulk (a supervisor changed)", false);

        private final String label;
        private final boolean read;

        Kind(String label, boolean read) {
            this.label = label;
            this.read = read;
        }

        String label() {
            return label;
        }

        boolean isRead() {
            return read;
        }
    }

    /** Twenty slots, repeated: 14 reads and 6 writes, spread so that writes never come two in a row. */
    static final List<Kind> CYCLE = List.of(
            Kind.ORGANISATION_READ, Kind.POST_CHANGE, Kind.POSTS_READ, Kind.PAY_RECORDS_READ, Kind.PAY_CHANGE,
            Kind.ROLE_PROFILES_READ, Kind.SUPERVISORS_READ, Kind.POST_CHANGE, Kind.ORGANISATION_READ, Kind.BENCHMARKS_READ,
            Kind.POSTS_READ, Kind.SUPERVISOR_CHANGE, Kind.ORGANISATION_READ, Kind.PAY_RECORDS_READ, Kind.POST_CHANGE,
            Kind.SUPERVISORS_READ, Kind.POSTS_READ, Kind.PAY_CHANGE, Kind.ROLE_PROFILES_READ, Kind.SUPERVISION_FIGURES_READ);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final Function<String, String> tokens;
    private final ImportDataSet data;
    private final String payYear;
    private int postChanges;
    private int payChanges;
    private int supervisorChanges;

    /**
     * @param tokens a current access token for a client id
     * @param today  the day the run's figures are read for (the benchmarks' pay year)
     */
    MixedWorkload(String gateway, Function<String, String> tokens, ImportDataSet data, LocalDate today) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.data = data;
        this.payYear = payYear(today);
    }

    /** The NHS pay year a day falls in, e.g. "2026-27" from 1 April 2026 to 31 March 2027. */
    static String payYear(LocalDate day) {
        int first = day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1;
        return String.format("%d-%02d", first, (first + 1) % 100);
    }

    /**
     * The establishment the writes change: its posts, their pay once pay-equity-service has heard of the posts from
     * roles-service's events, and its supervisors.
     */
    void seed(ApiCalls hr) {
        hr.post("/api/v1/posts/bulk", data.posts(0, POSTS), hr.token()).orStop("POST /api/v1/posts/bulk");
        hr.untilHeard(token -> hr.post("/api/v1/pay-records/bulk", data.payRecords(0, POSTS), token),
                ApiCalls.Answer::isUnknownReference, System.nanoTime() + SEED_DEADLINE_MILLIS * 1_000_000,
                "POST /api/v1/pay-records/bulk");
        List<Map<String, Object>> supervisors = new ArrayList<>();
        for (int number = 0; number < SUPERVISORS; number++) {
            supervisors.add(supervisor(number, 0));
        }
        hr.post("/api/v1/supervisors/bulk", Map.of("supervisors", supervisors), hr.token())
                .orStop("POST /api/v1/supervisors/bulk");
    }

    /** The request due in slot {@code index}; called in slot order, from one thread. */
    FixedRateLoad.Call callAt(int index) {
        Kind kind = CYCLE.get(index % CYCLE.size());
        return switch (kind) {
            case ORGANISATION_READ -> read(kind, HR_CLIENT, "/api/v1/organisations/" + ORGANISATION);
            case POSTS_READ -> read(kind, HR_CLIENT, "/api/v1/posts?organisation=" + ORGANISATION + "&size=20");
            case ROLE_PROFILES_READ -> read(kind, HR_CLIENT, "/api/v1/role-profiles?owner=" + ORGANISATION);
            case PAY_RECORDS_READ -> read(kind, HR_CLIENT, "/api/v1/pay-records?organisation=" + ORGANISATION + "&size=20");
            case SUPERVISORS_READ -> read(kind, HR_CLIENT, "/api/v1/supervisors?organisation=" + ORGANISATION + "&size=20");
            case BENCHMARKS_READ -> read(kind, ANALYST_CLIENT, "/api/v1/benchmarks?icb=" + ICB + "&payYear=" + payYear);
            case SUPERVISION_FIGURES_READ -> read(kind, ANALYST_CLIENT, "/api/v1/supervision-figures?icb=" + ICB);
            case POST_CHANGE -> {
                int change = postChanges++;
                int number = change % POSTS;
                yield write(kind, "/api/v1/posts/bulk", data.posts(number, number + 1, 1 + change / POSTS));
            }
            case PAY_CHANGE -> {
                int change = payChanges++;
                int number = change % POSTS;
                yield write(kind, "/api/v1/pay-records/bulk", data.payRecords(number, number + 1, 1 + change / POSTS));
            }
            case SUPERVISOR_CHANGE -> {
                int change = supervisorChanges++;
                yield write(kind, "/api/v1/supervisors/bulk",
                        Map.of("supervisors", List.of(supervisor(change % SUPERVISORS, 1 + change / SUPERVISORS))));
            }
        };
    }

    /** A supervisor of the establishment after {@code revision} changes: each changes how many they can supervise. */
    static Map<String, Object> supervisor(int number, int revision) {
        return Map.of("organisationCode", ORGANISATION, "staffReference", String.format("S-%07d", number),
                "livedExperience", true, "lxpFamily", "PEER_SUPPORT", "lxpLevel", "SENIOR",
                "maxSupervisees", 6 + revision % 2);
    }

    private FixedRateLoad.Call read(Kind kind, String client, String path) {
        return new FixedRateLoad.Call(kind.label(), FixedRateLoad.request(gateway + path)
                .header("Authorization", "Bearer " + tokens.apply(client)).GET().build(), 200);
    }

    /** A bulk write, as an HR system sends it: under an idempotency key of its own. */
    private FixedRateLoad.Call write(Kind kind, String path, Object body) {
        return new FixedRateLoad.Call(kind.label(), FixedRateLoad.request(gateway + path)
                .header("Authorization", "Bearer " + tokens.apply(HR_CLIENT))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body))).build(), 200);
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new BenchException("Could not write a request body: " + e.getMessage(), e);
        }
    }
}
