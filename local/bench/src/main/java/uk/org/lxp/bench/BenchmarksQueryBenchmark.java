package uk.org.lxp.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.lxp.http.SuiteServices;
import uk.org.lxp.stack.QuarkusApplication;
import uk.org.lxp.stack.StackSettings;

/**
 * B2: {@code GET /api/v1/benchmarks} for one ICB's whole LXP cohort and for the nation's, over 1.5 million comparator
 * records and 5,000 LXP posts in 220 organisations, against the same statistics computed by one hand-written query
 * straight on pay-equity-service's database ({@link BenchmarkYardstick}), the four interleaved in one run.
 */
final class BenchmarksQueryBenchmark implements Benchmark {

    private static final String ADMIN = "lxp-demo-admin";
    private static final String ANALYST = "ics-dashboard-qwo";
    private static final String ICB = "QWO";
    private static final int TRUSTS = 220;
    private static final int POSTS = 5_000;
    private static final int COMPARATORS_PER_TRUST = 6_800;
    private static final String PAY_YEAR = "2026-27";
    private static final String STAFF_GROUP = "07";
    private static final int WARM_UP_ROUNDS = 20;
    private static final int ROUNDS = 100;
    private static final int ROUNDS_PER_TOKEN = 20;
    private static final long EVENTS_DEADLINE_MILLIS = 10 * 60_000;

    /**
     * The target is the query's: each reading computes its figures, as the first reading after the cache's time does,
     * instead of being served what an earlier one computed (CrossOrganisationFigures).
     */
    private static final Map<String, String> COMPUTED_ON_EVERY_READING =
            Map.of("LXP_FIGURES_CROSS_ORGANISATION_MAX_AGE", "0s");

    private static final double TARGET_COHORT_P95_MILLIS = 30;
    private static final double TARGET_NATIONAL_P95_MILLIS = 200;
    private static final double TARGET_RATIO_TO_SQL = 1.5;

    /** One kind of request measured, and its times in nanoseconds. */
    record Measured(String name, long[] nanos) {

        Latencies latencies() {
            return Latencies.of(nanos, 0);
        }
    }

    @Override
    public String name() {
        return "benchmarks";
    }

    @Override
    public String title() {
        return "B2 Benchmarks query";
    }

    @Override
    public String run(Path root, Path work, PrintStream out) {
        try (BenchStack stack = BenchStack.start(root, work.resolve("stack"), true, COMPUTED_ON_EVERY_READING, out)) {
            StackSettings settings = stack.settings();
            ApiCalls admin = new ApiCalls(stack, settings.url(StackSettings.Port.GATEWAY), ADMIN);
            NationalDataSet data = new NationalDataSet(TRUSTS, POSTS, COMPARATORS_PER_TRUST, codes(admin,
                    "/api/v1/organisations?type=INTEGRATED_CARE_BOARD&size=200"));
            long loadStarted = System.nanoTime();
            load(admin, data, templates(admin), out);
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            List<String> members = codes(admin, "/api/v1/organisations?icb=" + ICB + "&size=200");
            SuiteServices.Service payEquity = settings.services().stream()
                    .filter(service -> service.name().equals("pay-equity-service")).findFirst()
                    .orElseThrow(() -> new BenchException("The stack has no pay-equity-service"));
            Map<String, String> login = QuarkusApplication.serviceVariables(settings, payEquity, 0);
            ApiCalls analyst = new ApiCalls(stack, settings.url(payEquity), ANALYST);
            try (BenchmarkYardstick sql = new BenchmarkYardstick(login.get("DB_URL"), login.get("DB_USER"),
                    login.get("DB_PASSWORD"))) {
                List<Measured> measured = measure(stack, analyst, sql, members, out);
                return report(measured, members.size(), loadSeconds);
            }
        }
    }

    private static List<String> codes(ApiCalls api, String path) {
        List<String> codes = new ArrayList<>();
        api.get(path).path("items").forEach(item -> codes.add(item.path("odsCode").asText()));
        return codes;
    }

    private static List<UUID> templates(ApiCalls admin) {
        List<UUID> templates = new ArrayList<>();
        admin.get("/api/v1/role-profiles?owner=national&status=PUBLISHED&size=200").path("items")
                .forEach(profile -> templates.add(UUID.fromString(profile.path("id").asText())));
        return templates;
    }

    /**
     * Trusts, then their posts (roles-service), then comparators and pay (pay-equity-service, which answers 404 and
     * 422 until it has learnt the trusts and posts from roles-service's events).
     */
    private static void load(ApiCalls admin, NationalDataSet data, List<UUID> templates, PrintStream out) {
        List<String> trusts = data.trustCodes();
        for (int trust = 0; trust < trusts.size(); trust++) {
            expect(admin.post("/api/v1/organisations", data.organisation(trust), admin.token()), 201, "register " + trusts.get(trust));
            ImportDataSet posts = new ImportDataSet(trusts.get(trust), templates);
            expect(admin.post("/api/v1/posts/bulk", posts.posts(0, data.postsOf(trust)), admin.token()), 200,
                    "posts of " + trusts.get(trust));
        }
        out.printf("  %d trusts registered in %d ICBs with %,d posts%n", trusts.size(), data.icbCount(), POSTS);
        Map<String, Object> comparators = data.comparators();
        long deadline = System.nanoTime() + EVENTS_DEADLINE_MILLIS * 1_000_000;
        for (int trust = 0; trust < trusts.size(); trust++) {
            String code = trusts.get(trust);
            ImportDataSet posts = new ImportDataSet(code, templates);
            int postsOfTrust = data.postsOf(trust);
            admin.untilHeard(token -> admin.put("/api/v1/comparators/" + code, comparators, token),
                    answer -> answer.status() == 404, deadline, "comparators of " + code);
            admin.untilHeard(token -> admin.post("/api/v1/pay-records/bulk", posts.payRecords(0, postsOfTrust), token),
                    ApiCalls.Answer::isUnknownReference, deadline, "pay of " + code);
            if ((trust + 1) % 20 == 0) {
                out.printf("  comparators and pay of %d trusts loaded%n", trust + 1);
            }
        }
    }

    private static void expect(ApiCalls.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new BenchException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    /**
     * Rounds of the four, in turn: the ICB through the API, the ICB in SQL, the nation through the API, the nation in
     * SQL. Each answer is checked against its yardstick (people in post and comparators counted alike).
     */
    private static List<Measured> measure(BenchStack stack, ApiCalls analyst, BenchmarkYardstick sql, List<String> members,
            PrintStream out) {
        LocalDate day = figuresDay(LocalDate.now(ZoneId.of("Europe/London")));
        String cohortPath = "/api/v1/benchmarks?icb=" + ICB + "&payYear=" + PAY_YEAR + "&comparatorStaffGroup=" + STAFF_GROUP;
        String nationalPath = "/api/v1/benchmarks?payYear=" + PAY_YEAR + "&comparatorStaffGroup=" + STAFF_GROUP;
        long[][] nanos = new long[4][ROUNDS];
        String token = analyst.token();
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            if (round % ROUNDS_PER_TOKEN == 0) {
                token = analyst.token();
            }
            long[] took = new long[4];
            long started = System.nanoTime();
            JsonNode cohort = analyst.get(cohortPath, token);
            took[0] = System.nanoTime() - started;
            started = System.nanoTime();
            BenchmarkYardstick.Answer cohortSql = sql.benchmark(members, day, PAY_YEAR, STAFF_GROUP);
            took[1] = System.nanoTime() - started;
            started = System.nanoTime();
            JsonNode national = analyst.get(nationalPath, token);
            took[2] = System.nanoTime() - started;
            started = System.nanoTime();
            BenchmarkYardstick.Answer nationalSql = sql.benchmark(null, day, PAY_YEAR, STAFF_GROUP);
            took[3] = System.nanoTime() - started;
            if (round == -WARM_UP_ROUNDS) {
                agree("the " + ICB + " cohort", cohort, cohortSql);
                agree("the national cohort", national, nationalSql);
                out.printf("  %s: %,d people in post, %,d comparators; national: %,d people in post, %,d comparators%n", ICB,
                        cohortSql.headcount(), cohortSql.comparators(), nationalSql.headcount(), nationalSql.comparators());
            }
            if (round >= 0) {
                for (int kind = 0; kind < 4; kind++) {
                    nanos[kind][round] = took[kind];
                }
            }
        }
        return List.of(new Measured("ICB cohort, API", nanos[0]), new Measured("ICB cohort, SQL", nanos[1]),
                new Measured("national, API", nanos[2]), new Measured("national, SQL", nanos[3]));
    }

    /** The day the service's figures describe, as it decides: today, or the pay year's last day once it has ended. */
    static LocalDate figuresDay(LocalDate today) {
        LocalDate lastDay = LocalDate.of(Integer.parseInt(PAY_YEAR.substring(0, 4)) + 1, 3, 31);
        return today.isAfter(lastDay) ? lastDay : today;
    }

    private static void agree(String what, JsonNode api, BenchmarkYardstick.Answer sql) {
        long apiHeadcount = api.path("headcount").asLong(-1);
        long apiComparators = api.path("comparator").path("headcount").asLong(-1);
        if (apiHeadcount != sql.headcount() || apiComparators != sql.comparators()) {
            throw new BenchException(String.format("For %s the API counted %d people in post and %d comparators, the "
                    + "yardstick %d and %d: they do not compute the same thing", what, apiHeadcount, apiComparators,
                    sql.headcount(), sql.comparators()));
        }
    }

    static String report(List<Measured> measured, int icbMembers, double loadSeconds) {
        StringBuilder text = new StringBuilder(String.format("""
                %d invented trusts spread over the directory's ICBs, besides the demo's, with %,d LXP posts (filled, on the \
                national templates, with their pay) and %,d comparator records each (%,d in all), loaded through the \
                gateway as `%s` in %.0f s. Measured straight to pay-equity-service, which computes every reading here \
                (`lxp.figures.cross-organisation-max-age` 0s, no answer served from its figures cache), as `%s`: \
                `GET /api/v1/benchmarks` for \
                %s's whole LXP cohort (%d member organisations) and for the nation's, pay year %s against staff group %s; \
                and the same statistics (people in post, FTE, bands, pay percentiles, shares, the comparator group's \
                count, mean and median, and the quartile composition) from one hand-written query on the service's \
                database over one kept connection. %d rounds of the four in turn after %d warm-up rounds; one request at a time.

                | request | p50 (ms) | p95 (ms) | max (ms) |
                |---|---|---|---|
                """, TRUSTS, POSTS, COMPARATORS_PER_TRUST, TRUSTS * COMPARATORS_PER_TRUST, ADMIN, loadSeconds, ANALYST, ICB,
                icbMembers, PAY_YEAR, STAFF_GROUP, ROUNDS, WARM_UP_ROUNDS));
        for (Measured one : measured) {
            Latencies latencies = one.latencies();
            text.append(String.format("| %s | %.1f | %.1f | %.1f |%n", one.name(), latencies.percentileMillis(0.5),
                    latencies.percentileMillis(0.95), latencies.maxMillis()));
        }
        double cohort = measured.get(0).latencies().percentileMillis(0.95);
        double cohortSql = measured.get(1).latencies().percentileMillis(0.95);
        double national = measured.get(2).latencies().percentileMillis(0.95);
        double nationalSql = measured.get(3).latencies().percentileMillis(0.95);
        text.append(String.format("%nTargets: ICB cohort p95 <= %.0f ms: %.1f ms%s; national p95 <= %.0f ms: %.1f ms%s; "
                        + "within %.1f x the SQL (p95): ICB x %.2f%s, national x %.2f%s.%n",
                TARGET_COHORT_P95_MILLIS, cohort, met(cohort <= TARGET_COHORT_P95_MILLIS),
                TARGET_NATIONAL_P95_MILLIS, national, met(national <= TARGET_NATIONAL_P95_MILLIS),
                TARGET_RATIO_TO_SQL, cohort / cohortSql, met(cohort / cohortSql <= TARGET_RATIO_TO_SQL),
                national / nationalSql, met(national / nationalSql <= TARGET_RATIO_TO_SQL)));
        return text.toString();
    }

    private static String met(boolean met) {
        return met ? " (met)" : " (not met)";
    }
}
